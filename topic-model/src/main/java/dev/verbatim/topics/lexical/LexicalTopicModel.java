package dev.verbatim.topics.lexical;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicMix;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.text.PreparedCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distils a fitted topic model into multinomial naive Bayes over non-stopword terms (add-one
 * smoothing, priors from topic sizes), so new records get topics at tokenizer speed instead of
 * encoder speed. Its mix is the posterior over topics; each sentence takes its own most probable
 * topic. It agrees with the teacher on most records, not all: measure the agreement (see {@link
 * #agreement}) before relying on it. Immutable and thread-safe.
 */
public final class LexicalTopicModel implements TopicModel {
  private final TermAnalyzer analyzer;
  private final String method;
  private final List<Topic> topics;
  private final Map<String, float[]> logP; // term -> log p(term | topic), per topic
  private final float[] logUnseen; // log p(unseen term | topic)
  private final float[] logPrior;

  private LexicalTopicModel(TermAnalyzer analyzer, String method, List<Topic> topics, Map<String, float[]> logP,
      float[] logUnseen, float[] logPrior) {
    this.analyzer = analyzer;
    this.method = method;
    this.topics = List.copyOf(topics);
    this.logP = logP;
    this.logUnseen = logUnseen;
    this.logPrior = logPrior;
  }

  /** Trains on {@code corpus} labelled by {@code teacher}'s training assignments (most probable topic). */
  public static LexicalTopicModel distil(TopicModel teacher, Corpus corpus, TermAnalyzer analyzer) {
    List<Topic> topics = teacher.topics();
    int k = topics.size();
    Map<TopicId, Integer> index = new HashMap<>();
    for (int i = 0; i < k; i++) index.put(topics.get(i).id(), i);
    Map<String, int[]> counts = new HashMap<>();
    long[] totals = new long[k];
    int[] docs = new int[k];
    PreparedCorpus prep = PreparedCorpus.of(corpus.documents(), analyzer);
    List<List<String>> content = prep.contentTokens(analyzer);
    for (int i = 0; i < corpus.size(); i++) {
      DocumentTopics dt = teacher.training().get(corpus.documents().get(i).id());
      if (dt == null) throw new IllegalArgumentException("teacher has no topics for " + corpus.documents().get(i).id());
      int c = index.get(dt.mix().top());
      docs[c]++;
      for (String t : content.get(i)) {
        counts.computeIfAbsent(t, z -> new int[k])[c]++;
        totals[c]++;
      }
    }
    int v = counts.size() + 1;
    Map<String, float[]> logP = new HashMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      float[] lp = new float[k];
      for (int c = 0; c < k; c++) lp[c] = (float) Math.log((e.getValue()[c] + 1.0) / (totals[c] + v));
      logP.put(e.getKey(), lp);
    }
    float[] unseen = new float[k];
    float[] prior = new float[k];
    for (int c = 0; c < k; c++) {
      unseen[c] = (float) Math.log(1.0 / (totals[c] + v));
      prior[c] = (float) Math.log((docs[c] + 1.0) / (corpus.size() + k));
    }
    return new LexicalTopicModel(analyzer, "lexical-nb/" + teacher.method(), topics, logP, unseen, prior);
  }

  /** Returns the share of {@code corpus} records whose most probable topic matches {@code teacher}'s. */
  public double agreement(TopicModel teacher, Corpus corpus) {
    int same = 0;
    for (TopicDocument d : corpus.documents()) {
      if (infer(d).mix().top().equals(teacher.training().get(d.id()).mix().top())) same++;
    }
    return corpus.size() == 0 ? 1 : (double) same / corpus.size();
  }

  @Override
  public List<Topic> topics() {
    return topics;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public DocumentTopics infer(TopicDocument document) {
    int k = topics.size();
    List<String> sentences = PreparedCorpus.sentencesOf(document);
    double[] doc = new double[k];
    for (int c = 0; c < k; c++) doc[c] = logPrior[c];
    List<TopicId> st = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      double[] sent = new double[k];
      for (int c = 0; c < k; c++) sent[c] = logPrior[c];
      for (String t : analyzer.tokens(s)) {
        if (analyzer.isStopword(t)) continue;
        float[] lp = logP.get(t);
        for (int c = 0; c < k; c++) {
          double x = lp == null ? logUnseen[c] : lp[c];
          sent[c] += x;
          doc[c] += x;
        }
      }
      st.add(topics.get(argmax(sent)).id());
    }
    double max = doc[argmax(doc)];
    Map<TopicId, Double> w = new LinkedHashMap<>();
    for (int c = 0; c < k; c++) w.put(topics.get(c).id(), Math.exp(doc[c] - max));
    return new DocumentTopics(document.id(), new TopicMix(w), sentences, st);
  }

  private static int argmax(double[] x) {
    int b = 0;
    for (int i = 1; i < x.length; i++) if (x[i] > x[b]) b = i;
    return b;
  }

  @Override
  public Map<String, DocumentTopics> training() {
    return Map.of();
  }

  @Override
  public LexicalTopicModel withIds(Map<TopicId, TopicId> mapping) {
    return new LexicalTopicModel(analyzer, method,
        topics.stream().map(t -> t.withId(mapping.getOrDefault(t.id(), t.id()))).toList(), logP, logUnseen, logPrior);
  }

  @Override
  public LexicalTopicModel withLabel(TopicId id, String label) {
    return new LexicalTopicModel(analyzer, method,
        topics.stream().map(t -> t.id().equals(id) ? t.withLabel(label) : t).toList(), logP, logUnseen, logPrior);
  }

  @Override
  public List<float[]> signatures() {
    return List.of();
  }
}
