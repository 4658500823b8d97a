package dev.verbatim.pipeline.annotate.corenlp;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.AnnotatedText;
import dev.verbatim.pipeline.annotate.Annotator;
import dev.verbatim.pipeline.annotate.Sentence;
import dev.verbatim.pipeline.annotate.Token;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds part-of-speech tags to another annotator's tokens with CoreNLP's left3words maximum-entropy
 * tagger, and re-lemmatises with the tags (so "saw/VBD" becomes "see", "saw/NN" stays "saw").
 *
 * <p>Thread-safe. Loading takes about a second and 15 MB of model (from the CoreNLP {@code models}
 * jar); tagging costs roughly 20-40 µs per token, an order of magnitude more than splitting, so the
 * topic stage asks for it and the sentiment fast path does not. Sentences over {@code maxTokens}
 * keep empty tags (the tagger is linear but long junk lines are not worth it).
 */
public final class CoreNlpPosAnnotator implements Annotator {

  private static final String MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

  private final Annotator base;
  private final MaxentTagger tagger;
  private final int maxTokens;
  private final ThreadLocal<Morphology> morphology = ThreadLocal.withInitial(Morphology::new);

  /**
   * Loads the tagger.
   *
   * @param base splits and tokenises (e.g. {@code RuleBasedAnnotator})
   * @param maxTokens longest sentence to tag
   * @throws IllegalStateException if the CoreNLP models jar is not on the class path
   */
  public CoreNlpPosAnnotator(Annotator base, int maxTokens) {
    this.base = requireNonNull(base, "base");
    if (CoreNlpPosAnnotator.class.getClassLoader().getResource(MODEL) == null) {
      throw new IllegalStateException(
          "POS model " + MODEL + " is not on the class path; add edu.stanford.nlp:stanford-corenlp"
              + " with classifier 'models' as a runtime dependency");
    }
    this.tagger = new MaxentTagger(MODEL);
    this.maxTokens = maxTokens;
  }

  @Override
  public AnnotatedText annotate(String text) {
    AnnotatedText plain = base.annotate(text);
    var sentences = new ArrayList<Sentence>(plain.sentences().size());
    for (Sentence s : plain.sentences()) {
      sentences.add(tag(s));
    }
    return new AnnotatedText(text, sentences);
  }

  private Sentence tag(Sentence s) {
    List<Token> tokens = s.tokens();
    if (tokens.isEmpty() || tokens.size() > maxTokens) {
      return s;
    }
    var words = new ArrayList<Word>(tokens.size());
    for (Token t : tokens) {
      words.add(new Word(t.kind() == Token.Kind.PLACEHOLDER ? "X" : t.text()));
    }
    List<TaggedWord> tagged;
    try {
      tagged = tagger.tagSentence(words);
    } catch (RuntimeException e) {
      return s; // never let the tagger stop a record; tags stay empty
    }
    if (tagged.size() != tokens.size()) {
      return s;
    }
    var out = new ArrayList<Token>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String tag = tagged.get(i).tag();
      String lemma = t.lemma();
      if (t.kind() == Token.Kind.WORD && lemma.indexOf('\'') < 0 && t.text().length() <= 40) {
        try {
          lemma = morphology.get().lemma(t.text(), tag).toLowerCase(Locale.ROOT);
        } catch (RuntimeException | StackOverflowError e) {
          lemma = t.lemma();
        }
      }
      out.add(new Token(t.text(), t.start(), t.end(), lemma, tag, t.kind()));
    }
    return new Sentence(s.start(), s.end(), out);
  }
}
