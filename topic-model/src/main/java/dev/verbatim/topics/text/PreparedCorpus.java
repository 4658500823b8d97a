package dev.verbatim.topics.text;

import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.TopicDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus split into sentences and tokens once, shared by fitting, labelling and evaluation.
 *
 * @param sentences per document, its sentences (its own, or split by {@link SentenceSplitter})
 * @param tokens per document, per sentence, its tokens (stopwords kept)
 */
public record PreparedCorpus(List<List<String>> sentences, List<List<List<String>>> tokens) {
  /** Splits and tokenizes {@code docs} with {@code analyzer}. */
  public static PreparedCorpus of(List<TopicDocument> docs, TermAnalyzer analyzer) {
    List<List<String>> sents = new ArrayList<>(docs.size());
    List<List<List<String>>> toks = new ArrayList<>(docs.size());
    for (TopicDocument d : docs) {
      List<String> s = sentencesOf(d);
      sents.add(s);
      List<List<String>> t = new ArrayList<>(s.size());
      for (String x : s) t.add(analyzer.tokens(x));
      toks.add(t);
    }
    return new PreparedCorpus(sents, toks);
  }

  /** Returns the document's own sentences, or its text split by {@link SentenceSplitter}; never empty. */
  public static List<String> sentencesOf(TopicDocument d) {
    List<String> s = d.sentences();
    if (s.isEmpty()) s = SentenceSplitter.split(d.text());
    if (s.size() > SentenceSplitter.MAX_SENTENCES) s = s.subList(0, SentenceSplitter.MAX_SENTENCES);
    return s.isEmpty() ? List.of("") : s;
  }

  /** Returns each document's non-stopword tokens, flattened (for bag-of-words methods and coherence). */
  public List<List<String>> contentTokens(TermAnalyzer analyzer) {
    List<List<String>> out = new ArrayList<>(tokens.size());
    for (List<List<String>> doc : tokens) {
      List<String> flat = new ArrayList<>();
      for (List<String> s : doc) for (String t : s) if (!analyzer.isStopword(t)) flat.add(t);
      out.add(flat);
    }
    return out;
  }
}
