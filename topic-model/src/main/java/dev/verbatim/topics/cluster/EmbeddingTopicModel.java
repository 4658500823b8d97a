package dev.verbatim.topics.cluster;

import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicMix;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.embed.Vectors;
import dev.verbatim.topics.text.PreparedCorpus;
import dev.verbatim.topics.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics as unit centroids in a sentence-embedding space. A record's mix gives half its weight to
 * the centroid nearest the whole record and spreads the other half over the centroids nearest each
 * of its sentences (by sentence length), so a ticket about billing and onboarding carries both
 * while its main topic stays the record-level one.
 *
 * <p>Immutable and thread-safe. Inference cost: one encoder call per sentence (about 700 short
 * sentences/s with MiniLM on 2 cores) plus K dot products.
 */
public final class EmbeddingTopicModel implements TopicModel {
  /** Share of a mix that goes to the record-level nearest topic. */
  static final float DOCUMENT_SHARE = 0.5f;

  private final String method;
  private final SentenceEncoder encoder;
  private final List<Topic> topics;
  private final float[] centroids;
  private final int d;
  private final Map<String, DocumentTopics> training;
  private final TermAnalyzer weigher;

  /**
   * Creates a model. Normally made by {@link EmbeddingTopicTrainer#fit} or loaded from a snapshot.
   *
   * @param method trainer id, e.g. {@code kmeans/all-minilm-l6-v2-q}
   * @param encoder the encoder the centroids were made with
   * @param analyzer the tokenizer that weighs sentences (by token count), as in the fit
   * @param topics the topics, in centroid order
   * @param centroids K·d unit centroids
   * @param d dimension
   * @param training training documents' topics, or empty
   */
  public EmbeddingTopicModel(String method, SentenceEncoder encoder, TermAnalyzer analyzer, List<Topic> topics,
      float[] centroids, int d, Map<String, DocumentTopics> training) {
    if (centroids.length != topics.size() * d) throw new IllegalArgumentException("centroids do not match topics");
    if (encoder.dimension() != d) {
      throw new IllegalArgumentException("encoder " + encoder.id() + " has dimension " + encoder.dimension() + ", model " + d);
    }
    this.method = method;
    this.encoder = encoder;
    this.weigher = analyzer;
    this.topics = List.copyOf(topics);
    this.centroids = centroids.clone();
    this.d = d;
    this.training = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
  }

  @Override
  public List<Topic> topics() {
    return topics;
  }

  @Override
  public String method() {
    return method;
  }

  /** Returns the encoder id this model needs at inference. */
  public String encoderId() {
    return encoder.id();
  }

  @Override
  public DocumentTopics infer(TopicDocument document) {
    return inferAll(List.of(document)).get(0);
  }

  @Override
  public List<DocumentTopics> inferAll(List<TopicDocument> documents) {
    List<List<String>> sentences = new ArrayList<>(documents.size());
    List<List<List<String>>> tokens = new ArrayList<>(documents.size());
    for (TopicDocument doc : documents) {
      List<String> s = PreparedCorpus.sentencesOf(doc);
      sentences.add(s);
      List<List<String>> t = new ArrayList<>();
      for (String x : s) t.add(weigher.tokens(x));
      tokens.add(t);
    }
    EmbeddingTopicTrainer.Encoded enc = EmbeddingTopicTrainer.encode(encoder, sentences, tokens);
    List<TopicId> ids = topics.stream().map(Topic::id).toList();
    List<DocumentTopics> out = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      out.add(assign(documents.get(i).id(), sentences.get(i), enc.sentenceVectors(i), enc.weights.get(i),
          enc.docs, i * d, centroids, ids, d));
    }
    return out;
  }

  static DocumentTopics assign(String id, List<String> sentences, List<float[]> sentenceVectors, float[] weights,
      float[] docs, int docOffset, float[] centroids, List<TopicId> ids, int d) {
    Map<TopicId, Double> w = new HashMap<>();
    TopicId docTopic = ids.get(nearest(docs, docOffset, centroids, ids.size(), d));
    w.put(docTopic, (double) DOCUMENT_SHARE);
    float total = 0;
    for (float x : weights) total += x;
    List<TopicId> sentenceTopics = new ArrayList<>(sentences.size());
    for (int j = 0; j < sentences.size(); j++) {
      TopicId t = sentences.size() == 1 ? docTopic : ids.get(nearest(sentenceVectors.get(j), 0, centroids, ids.size(), d));
      sentenceTopics.add(t);
      w.merge(t, (double) ((1 - DOCUMENT_SHARE) * weights[j] / total), Double::sum);
    }
    return new DocumentTopics(id, new TopicMix(w), sentences, sentenceTopics);
  }

  private static int nearest(float[] v, int off, float[] centroids, int k, int d) {
    int best = 0;
    float bs = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      float s = Vectors.dot(v, off, centroids, c * d, d);
      if (s > bs) {
        bs = s;
        best = c;
      }
    }
    return best;
  }

  @Override
  public Map<String, DocumentTopics> training() {
    return training;
  }

  @Override
  public EmbeddingTopicModel withIds(Map<TopicId, TopicId> mapping) {
    List<Topic> renamed = topics.stream().map(t -> t.withId(mapping.getOrDefault(t.id(), t.id()))).toList();
    Map<String, DocumentTopics> tr = DocumentTopics.withIds(training, mapping);
    return new EmbeddingTopicModel(method, encoder, weigher, renamed, centroids, d, tr);
  }

  @Override
  public EmbeddingTopicModel withLabel(TopicId id, String label) {
    List<Topic> relabelled = topics.stream().map(t -> t.id().equals(id) ? t.withLabel(label) : t).toList();
    return new EmbeddingTopicModel(method, encoder, weigher, relabelled, centroids, d, training);
  }

  @Override
  public List<float[]> signatures() {
    List<float[]> out = new ArrayList<>(topics.size());
    for (int c = 0; c < topics.size(); c++) out.add(java.util.Arrays.copyOfRange(centroids, c * d, (c + 1) * d));
    return out;
  }
}
