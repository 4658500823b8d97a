package dev.verbatim.topics.lda;

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
 * An LDA model: topic-word distributions over a fixed vocabulary. Inference folds a new record in
 * with {@value #FOLD_IN_ITERATIONS} deterministic EM iterations over its known words (unknown
 * words are ignored; a record with none gets the uniform mix); each sentence takes the topic with
 * the most responsibility over its words. Immutable and thread-safe; cost O(iterations · tokens · K).
 */
public final class LdaTopicModel implements TopicModel {
  static final int FOLD_IN_ITERATIONS = 20;

  private final TermAnalyzer analyzer;
  private final List<Topic> topics;
  private final Map<String, Integer> vocab;
  private final float[] phi;
  private final int v;
  private final double alpha;
  private final Map<String, DocumentTopics> training;

  LdaTopicModel(TermAnalyzer analyzer, List<Topic> topics, Map<String, Integer> vocab, float[] phi, int v,
      double alpha, Map<String, DocumentTopics> training) {
    this.analyzer = analyzer;
    this.topics = List.copyOf(topics);
    this.vocab = Map.copyOf(vocab);
    this.phi = phi;
    this.v = v;
    this.alpha = alpha;
    this.training = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
  }

  @Override
  public List<Topic> topics() {
    return topics;
  }

  @Override
  public String method() {
    return "lda-gibbs";
  }

  @Override
  public DocumentTopics infer(TopicDocument document) {
    List<String> sentences = PreparedCorpus.sentencesOf(document);
    List<List<String>> tokens = new ArrayList<>();
    for (String s : sentences) tokens.add(analyzer.tokens(s));
    int k = topics.size();
    double[] theta = new double[k];
    java.util.Arrays.fill(theta, 1.0 / k);
    List<Integer> words = new ArrayList<>();
    for (List<String> s : tokens) for (String t : s) {
      Integer w = vocab.get(t);
      if (w != null && !analyzer.isStopword(t)) words.add(w);
    }
    double[] r = new double[k];
    for (int it = 0; it < FOLD_IN_ITERATIONS && !words.isEmpty(); it++) {
      double[] acc = new double[k];
      for (int w : words) {
        double sum = 0;
        for (int q = 0; q < k; q++) {
          r[q] = phi[q * v + w] * theta[q];
          sum += r[q];
        }
        for (int q = 0; q < k; q++) acc[q] += r[q] / sum;
      }
      double den = words.size() + k * alpha;
      for (int q = 0; q < k; q++) theta[q] = (acc[q] + alpha) / den;
    }
    return assign(document.id(), sentences, tokens, theta);
  }

  DocumentTopics assign(String id, List<String> sentences, List<List<String>> tokens, double[] theta) {
    int k = topics.size();
    Map<TopicId, Double> w = new HashMap<>();
    for (int q = 0; q < k; q++) w.put(topics.get(q).id(), theta[q]);
    int docTop = 0;
    for (int q = 1; q < k; q++) if (theta[q] > theta[docTop]) docTop = q;
    List<TopicId> st = new ArrayList<>();
    for (List<String> s : tokens) {
      double[] acc = new double[k];
      boolean any = false;
      for (String t : s) {
        Integer wi = vocab.get(t);
        if (wi == null || analyzer.isStopword(t)) continue;
        any = true;
        double sum = 0;
        for (int q = 0; q < k; q++) sum += phi[q * v + wi] * theta[q];
        for (int q = 0; q < k; q++) acc[q] += phi[q * v + wi] * theta[q] / sum;
      }
      int best = docTop;
      if (any) for (int q = 0; q < k; q++) if (acc[q] > acc[best]) best = q;
      st.add(topics.get(best).id());
    }
    return new DocumentTopics(id, new TopicMix(w), sentences, st);
  }

  @Override
  public Map<String, DocumentTopics> training() {
    return training;
  }

  @Override
  public LdaTopicModel withIds(Map<TopicId, TopicId> mapping) {
    List<Topic> renamed = topics.stream().map(t -> t.withId(mapping.getOrDefault(t.id(), t.id()))).toList();
    Map<String, DocumentTopics> tr = DocumentTopics.withIds(training, mapping);
    return new LdaTopicModel(analyzer, renamed, vocab, phi, v, alpha, tr);
  }

  @Override
  public LdaTopicModel withLabel(TopicId id, String label) {
    return new LdaTopicModel(analyzer, topics.stream().map(t -> t.id().equals(id) ? t.withLabel(label) : t).toList(),
        vocab, phi, v, alpha, training);
  }

  @Override
  public List<float[]> signatures() {
    return List.of();
  }
}
