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
 * while its main topic stays the record-level one. After a hybrid fit (embedding plus TF-IDF) the
 * record-level topic is the nearest hybrid centroid, as in the fit; sentences use the embedding part.
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
  private final float[] trainingVectors; // n*d unit record vectors, in training order; empty if none
  private final @org.jspecify.annotations.Nullable Hybrid hybrid;

  /**
   * The lexical half of a hybrid fit ({@link EmbeddingTopicTrainer#EmbeddingTopicTrainer(SentenceEncoder,
   * TermAnalyzer, double)}): a record's topic is the hybrid centroid nearest its hybrid vector. Kept in
   * memory only: a model loaded from a snapshot has none and assigns records by embedding alone.
   *
   * @param space the TF-IDF space of the fit
   * @param weight the lexical weight w
   * @param centroids K x (d + space size) unit hybrid centroids, in topic order
   */
  record Hybrid(LexicalSpace space, float weight, float[] centroids) {}

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
    this(method, encoder, analyzer, topics, centroids, d, training, new float[0]);
  }

  /**
   * Creates a model that also keeps the training records' vectors (in memory only, never saved), so
   * an analyst's {@link #split} can re-cluster a topic's records without encoding them again.
   *
   * @param trainingVectors n·d unit record vectors in the order of {@code training}, or empty
   */
  EmbeddingTopicModel(String method, SentenceEncoder encoder, TermAnalyzer analyzer, List<Topic> topics,
      float[] centroids, int d, Map<String, DocumentTopics> training, float[] trainingVectors) {
    this(method, encoder, analyzer, topics, centroids, d, training, trainingVectors, null);
  }

  EmbeddingTopicModel(String method, SentenceEncoder encoder, TermAnalyzer analyzer, List<Topic> topics,
      float[] centroids, int d, Map<String, DocumentTopics> training, float[] trainingVectors,
      @org.jspecify.annotations.Nullable Hybrid hybrid) {
    if (hybrid != null && hybrid.centroids().length != topics.size() * (d + hybrid.space().size())) {
      throw new IllegalArgumentException("hybrid centroids do not match topics");
    }
    this.hybrid = hybrid;
    if (trainingVectors.length != 0 && trainingVectors.length != training.size() * d) {
      throw new IllegalArgumentException("training vectors do not match training records");
    }
    this.trainingVectors = trainingVectors;
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
    int n = documents.size();
    float[] x = enc.docs;
    int dx = d;
    float[] cx = centroids;
    if (hybrid != null) {
      List<List<String>> content = new PreparedCorpus(sentences, tokens).contentTokens(weigher);
      x = EmbeddingTopicTrainer.hybrid(enc.docs, n, d, content, hybrid.space(), hybrid.weight());
      dx = d + hybrid.space().size();
      cx = hybrid.centroids();
    }
    for (int i = 0; i < n; i++) {
      out.add(assign(documents.get(i).id(), sentences.get(i), enc.sentenceVectors(i), enc.weights.get(i),
          nearest(x, i * dx, cx, ids.size(), dx), centroids, ids, d));
    }
    return out;
  }

  /**
   * The mix of one record whose record-level topic is {@code ids.get(docTopicIndex)}: half to it,
   * half spread over the topics of the centroids (K x d) nearest each sentence, by sentence weight.
   */
  static DocumentTopics assign(String id, List<String> sentences, List<float[]> sentenceVectors, float[] weights,
      int docTopicIndex, float[] centroids, List<TopicId> ids, int d) {
    Map<TopicId, Double> w = new HashMap<>();
    TopicId docTopic = ids.get(docTopicIndex);
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
    return new EmbeddingTopicModel(method, encoder, weigher, renamed, centroids, d, tr, trainingVectors, hybrid);
  }

  @Override
  public EmbeddingTopicModel withLabel(TopicId id, String label) {
    List<Topic> relabelled = topics.stream().map(t -> t.id().equals(id) ? t.withLabel(label) : t).toList();
    return new EmbeddingTopicModel(method, encoder, weigher, relabelled, centroids, d, training, trainingVectors, hybrid);
  }

  @Override
  public List<float[]> signatures() {
    List<float[]> out = new ArrayList<>(topics.size());
    for (int c = 0; c < topics.size(); c++) out.add(java.util.Arrays.copyOfRange(centroids, c * d, (c + 1) * d));
    return out;
  }

  /**
   * Returns this model with topic {@code from} merged into {@code into}: one centroid (the
   * size-weighted mean of the two, unit length), sizes added, {@code from}'s training records moved
   * to {@code into}; {@code into} keeps its id and label. Returns this model when either is absent.
   */
  public EmbeddingTopicModel merge(TopicId from, TopicId into) {
    int f = indexOf(from);
    int t = indexOf(into);
    if (f < 0 || t < 0 || f == t) return this;
    int k = topics.size();
    float[] c = new float[(k - 1) * d];
    List<Topic> kept = new ArrayList<>(k - 1);
    Topic tf = topics.get(f);
    for (int i = 0, o = 0; i < k; i++) {
      if (i == f) continue;
      Topic x = topics.get(i);
      if (i == t) {
        float wt = Math.max(1, x.size());
        float wf = Math.max(1, tf.size());
        for (int j = 0; j < d; j++) c[o * d + j] = wt * centroids[t * d + j] + wf * centroids[f * d + j];
        Vectors.normalize(c, o * d, d);
        x = new Topic(x.id(), x.label(), x.topTerms(), x.representativeIds(), x.size() + tf.size());
      } else {
        System.arraycopy(centroids, i * d, c, o * d, d);
      }
      kept.add(x);
      o++;
    }
    Hybrid h = null;
    if (hybrid != null) { // the same size-weighted merge in the hybrid space
      int dh = d + hybrid.space().size();
      float[] hc = new float[(k - 1) * dh];
      float wt = Math.max(1, topics.get(t).size());
      float wf = Math.max(1, tf.size());
      for (int i = 0, o = 0; i < k; i++) {
        if (i == f) continue;
        if (i == t) {
          for (int j = 0; j < dh; j++) hc[o * dh + j] = wt * hybrid.centroids()[t * dh + j] + wf * hybrid.centroids()[f * dh + j];
          Vectors.normalize(hc, o * dh, dh);
        } else {
          System.arraycopy(hybrid.centroids(), i * dh, hc, o * dh, dh);
        }
        o++;
      }
      h = new Hybrid(hybrid.space(), hybrid.weight(), hc);
    }
    return new EmbeddingTopicModel(method, encoder, weigher, kept, c, d,
        DocumentTopics.withIds(training, Map.of(from, into)), trainingVectors, h);
  }

  /**
   * Returns this model with topic {@code id} split in two by 2-means over its training records'
   * vectors: the larger part keeps {@code id}, the other becomes {@code part}; both are named anew
   * from their own records ({@code corpus} holds the training texts). Needs the training vectors of
   * a fresh fit: a model loaded from a snapshot, or a topic with fewer than 4 records, is returned
   * unchanged (check {@link #canSplit}). The split is made in the embedding space, so a hybrid
   * model's lexical half is dropped: the result assigns records by embedding alone, as a snapshot does.
   */
  public EmbeddingTopicModel split(TopicId id, TopicId part, dev.verbatim.topics.Corpus corpus, long seed) {
    if (!canSplit(id) || indexOf(part) >= 0) return this;
    int c0 = indexOf(id);
    List<String> ids = new ArrayList<>(training.keySet());
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) if (training.get(ids.get(i)).mix().top().equals(id)) members.add(i);
    int m = members.size();
    float[] x = new float[m * d];
    for (int i = 0; i < m; i++) System.arraycopy(trainingVectors, members.get(i) * d, x, i * d, d);
    SphericalKMeans.Result km = new SphericalKMeans(x, m, d).fit(2, seed, 3, 50);
    int[] size = new int[2];
    for (int a : km.assignment()) size[a]++;
    int big = size[0] >= size[1] ? 0 : 1;
    Map<String, dev.verbatim.topics.TopicDocument> byId = new HashMap<>();
    for (var doc : corpus.documents()) byId.put(doc.id(), doc);
    List<dev.verbatim.topics.TopicDocument> memberDocs = new ArrayList<>(m);
    int[] cls = new int[m];
    for (int i = 0; i < m; i++) {
      var doc = byId.get(ids.get(members.get(i)));
      if (doc == null) throw new IllegalArgumentException("the corpus lacks training record " + ids.get(members.get(i)));
      memberDocs.add(doc);
      cls[i] = km.assignment()[i] == big ? 0 : 1;
    }
    PreparedCorpus prep = PreparedCorpus.of(memberDocs, weigher);
    Topic old = topics.get(c0);
    var names = new dev.verbatim.topics.label.TopicLabeller(weigher).name(prep.tokens(), cls, 2, Math.max(1, old.topTerms().size()));
    float[] cs = new float[2 * d];
    System.arraycopy(km.centroids(), big * d, cs, 0, d);
    System.arraycopy(km.centroids(), (1 - big) * d, cs, d, d);
    java.util.Set<String> labels = new java.util.HashSet<>();
    for (Topic t : topics) if (!t.id().equals(id)) labels.add(t.label());
    List<Topic> out = new ArrayList<>(topics.size() + 1);
    float[] c = new float[(topics.size() + 1) * d];
    for (int i = 0; i < topics.size(); i++) {
      if (i == c0) {
        out.add(new Topic(id, distinct(names.get(0).label(), labels), names.get(0).topTerms(),
            nearest(x, cls, 0, cs, memberDocs, old.representativeIds().size()), size[big]));
        System.arraycopy(cs, 0, c, i * d, d);
      } else {
        out.add(topics.get(i));
        System.arraycopy(centroids, i * d, c, i * d, d);
      }
    }
    out.add(new Topic(part, distinct(names.get(1).label(), labels), names.get(1).topTerms(),
        nearest(x, cls, 1, cs, memberDocs, old.representativeIds().size()), size[1 - big]));
    System.arraycopy(cs, d, c, topics.size() * d, d);
    Map<String, DocumentTopics> tr = new LinkedHashMap<>(training);
    for (int i = 0; i < m; i++) {
      if (cls[i] == 1) {
        String docId = ids.get(members.get(i));
        tr.put(docId, training.get(docId).withIds(Map.of(id, part)));
      }
    }
    return new EmbeddingTopicModel(method, encoder, weigher, out, c, d, tr, trainingVectors);
  }

  /** Whether {@link #split} can split {@code id}: the topic exists, has 4+ training records and their vectors. */
  public boolean canSplit(TopicId id) {
    if (trainingVectors.length == 0 || indexOf(id) < 0) return false;
    int m = 0;
    for (DocumentTopics dt : training.values()) if (dt.mix().top().equals(id)) m++;
    return m >= 4;
  }

  private static String distinct(String label, java.util.Set<String> taken) {
    String l = label;
    for (int i = 2; taken.contains(l); i++) l = label + " (" + i + ")";
    taken.add(l);
    return l;
  }

  private List<String> nearest(float[] x, int[] cls, int c, float[] cs, List<dev.verbatim.topics.TopicDocument> docs, int r) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < cls.length; i++) if (cls[i] == c) idx.add(i);
    idx.sort((p, q) -> {
      int s = Float.compare(Vectors.dot(x, q * d, cs, c * d, d), Vectors.dot(x, p * d, cs, c * d, d));
      return s != 0 ? s : Integer.compare(p, q);
    });
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i : idx) {
      if (out.size() == Math.max(1, r)) break;
      if (seen.add(docs.get(i).text().strip())) out.add(docs.get(i).id());
    }
    return out;
  }

  private int indexOf(TopicId id) {
    for (int c = 0; c < topics.size(); c++) if (topics.get(c).id().equals(id)) return c;
    return -1;
  }
}
