package dev.verbatim.topics.cluster;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.TopicTrainer;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.embed.Vectors;
import dev.verbatim.topics.label.TopicLabeller;
import dev.verbatim.topics.text.EncoderText;
import dev.verbatim.topics.text.PreparedCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits topics by clustering sentence embeddings: every sentence is encoded (identical sentences
 * once, after {@link EncoderText#clean}), a document's vector is the token-weighted mean of its sentences' vectors, spherical
 * k-means groups the documents, and {@link TopicLabeller} names the groups. With {@code topics = 0}
 * the number of topics is chosen by silhouette ({@link KSelector}). Topic ids on a fresh fit are
 * {@code t1..tK} by decreasing size; align them with an earlier model via {@code
 * align.TopicAligner}.
 *
 * <p>Stateless and thread-safe. Cost: dominated by encoding (about 700 short sentences/s with
 * MiniLM on 2 cores), then k-means, O(n·K·d) per iteration.
 */
public final class EmbeddingTopicTrainer implements TopicTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingTopicTrainer.class);

  private final SentenceEncoder encoder;
  private final TermAnalyzer analyzer;
  private final double lexicalWeight;

  /** Lexical weight of {@link #withLengthRule}'s hybrid. */
  public static final double RULE_WEIGHT = 0.5;

  /** Mean tokens per record from which {@link #withLengthRule} adds the lexical half. */
  public static final double RULE_MIN_MEAN_TOKENS = 15;

  /** Marks the length rule in {@link #lexicalWeight}. */
  private static final double BY_LENGTH = -1;

  /** Creates a trainer that encodes with {@code encoder} and tokenizes (for labels) with {@code analyzer}. */
  public EmbeddingTopicTrainer(SentenceEncoder encoder, TermAnalyzer analyzer) {
    this(encoder, analyzer, 0);
  }

  /**
   * Returns a trainer that picks the representation by mean record length: records averaging at
   * least {@value #RULE_MIN_MEAN_TOKENS} tokens (tweets, tickets) are clustered on the hybrid with
   * weight {@value #RULE_WEIGHT}, shorter ones (one-line queries) on embeddings alone. Why: on the
   * dev gold files the TF-IDF half raised NMI on airline tweets (17 tokens on average) and CFPB
   * complaints (177) but lowered it on Banking77 queries (11), whose 77 intents share their words;
   * the threshold sits between those lengths and was set on those three files.
   */
  public static EmbeddingTopicTrainer withLengthRule(SentenceEncoder encoder, TermAnalyzer analyzer) {
    return new EmbeddingTopicTrainer(encoder, analyzer, BY_LENGTH, true);
  }

  private EmbeddingTopicTrainer(SentenceEncoder encoder, TermAnalyzer analyzer, double lexicalWeight, boolean rule) {
    this.encoder = encoder;
    this.analyzer = analyzer;
    this.lexicalWeight = lexicalWeight;
  }

  /**
   * Creates a trainer that clusters a hybrid representation: each record is the unit embedding
   * times {@code sqrt(1 - w)} beside its unit TF-IDF vector ({@link LexicalSpace}) times {@code
   * sqrt(w)}, so the cosine of two records is {@code (1 - w)} times their embedding cosine plus
   * {@code w} times their TF-IDF cosine. {@code w = 0} is the plain embedding method.
   *
   * @param lexicalWeight {@code w} in [0, 1)
   */
  public EmbeddingTopicTrainer(SentenceEncoder encoder, TermAnalyzer analyzer, double lexicalWeight) {
    if (!(lexicalWeight >= 0 && lexicalWeight < 1)) {
      throw new IllegalArgumentException("lexical weight must be in [0, 1): " + lexicalWeight);
    }
    this.encoder = encoder;
    this.analyzer = analyzer;
    this.lexicalWeight = lexicalWeight;
  }

  @Override
  public String id() {
    return id(lexicalWeight);
  }

  private String id(double w) {
    if (w == BY_LENGTH) return "kmeans/" + encoder.id() + "+tfidf-by-length";
    return "kmeans/" + encoder.id() + (w > 0 ? String.format(java.util.Locale.ROOT, "+tfidf%.2f", w) : "");
  }

  /** Returns the lexical weight used on {@code prep}: the fixed one, or the length rule's choice. */
  private double weightFor(PreparedCorpus prep) {
    if (lexicalWeight != BY_LENGTH) return lexicalWeight;
    long tokens = 0;
    for (List<List<String>> doc : prep.tokens()) for (List<String> s : doc) tokens += s.size();
    return (double) tokens / Math.max(1, prep.tokens().size()) >= RULE_MIN_MEAN_TOKENS ? RULE_WEIGHT : 0;
  }

  @Override
  public EmbeddingTopicModel fit(Corpus corpus, TopicParams params) {
    return fit(corpus, params, List.of());
  }

  /**
   * Fits with seeded themes: each theme's seed phrases are encoded and their mean starts one
   * cluster (k-means++ picks the others), and after clustering each theme names the topic whose
   * centroid is most similar to its seeds (optimal one-to-one assignment). K is raised to the
   * number of themes if it is smaller.
   */
  public EmbeddingTopicModel fit(Corpus corpus, TopicParams params, List<Theme> themes) {
    int n = corpus.size();
    if (n == 0) throw new IllegalArgumentException("cannot fit topics on an empty corpus");
    long t0 = System.nanoTime();
    PreparedCorpus prep = PreparedCorpus.of(corpus.documents(), analyzer);
    Encoded enc = encode(encoder, prep.sentences(), prep.tokens());
    int d = encoder.dimension();
    long t1 = System.nanoTime();
    double lexicalWeight = weightFor(prep);
    List<List<String>> content = lexicalWeight > 0 ? prep.contentTokens(analyzer) : List.of();
    LexicalSpace space = lexicalWeight > 0 ? LexicalSpace.fit(content) : null;
    if (space != null && space.size() == 0) space = null; // no term in 2+ records: embeddings alone
    int dh = space == null ? d : d + space.size();
    float[] x = space == null ? enc.docs : hybrid(enc.docs, n, d, content, space, (float) lexicalWeight);

    int k;
    if (params.topics() > 0) {
      k = Math.min(params.topics(), n);
    } else {
      KSelector.Choice choice =
          KSelector.choose(enc.docs, n, d, params.minTopics(), params.maxTopics(), params.seed());
      k = choice.k();
      LOG.info("chose {} topics by silhouette over {}", k, choice.scores());
    }
    float[] seeds = new float[themes.size() * d];
    for (int t = 0; t < themes.size(); t++) {
      for (float[] v : encoder.encode(themes.get(t).seeds().stream().map(EncoderText::clean).toList())) {
        for (int j = 0; j < d; j++) seeds[t * d + j] += v[j];
      }
      Vectors.normalize(seeds, t * d, d);
    }
    float[] seedsH = seeds;
    if (space != null) {
      List<List<String>> seedTerms = new ArrayList<>();
      for (Theme th : themes) {
        List<String> terms = new ArrayList<>();
        for (String phrase : th.seeds()) for (String tok : analyzer.tokens(phrase)) if (!analyzer.isStopword(tok)) terms.add(tok);
        seedTerms.add(terms);
      }
      seedsH = hybrid(seeds, themes.size(), d, seedTerms, space, (float) lexicalWeight);
      for (int t = 0; t < themes.size(); t++) Vectors.normalize(seedsH, t * dh, dh);
    }
    k = Math.min(n, Math.max(k, themes.size()));
    SphericalKMeans.Result km =
        new SphericalKMeans(x, n, dh).fit(k, params.seed(), params.restarts(), params.iterations(), seedsH);
    long t2 = System.nanoTime();

    // order clusters by size (desc), then by index, so ids t1..tK read largest first
    int[] size = new int[k];
    for (int a : km.assignment()) size[a]++;
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) order[c] = c;
    java.util.Arrays.sort(order, (p, q) -> size[p] != size[q] ? Integer.compare(size[q], size[p]) : Integer.compare(p, q));
    int[] rank = new int[k];
    for (int r = 0; r < k; r++) rank[order[r]] = r;
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) cls[i] = rank[km.assignment()[i]];
    // embedding-space centroids (the embedding part of each hybrid centroid, unit length): what
    // snapshots keep, what alignment and sentence-level topics use
    float[] hybridCentroids = new float[k * dh];
    for (int c = 0; c < k; c++) System.arraycopy(km.centroids(), order[c] * dh, hybridCentroids, rank[order[c]] * dh, dh);
    float[] centroids = new float[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(hybridCentroids, c * dh, centroids, c * d, d);
      if (space != null) Vectors.normalize(centroids, c * d, d);
    }
    EmbeddingTopicModel.Hybrid hyb = space == null ? null : new EmbeddingTopicModel.Hybrid(space, (float) lexicalWeight, hybridCentroids);

    List<TopicLabeller.Naming> names =
        new ArrayList<>(new TopicLabeller(analyzer).name(prep.tokens(), cls, k, params.topTerms()));
    if (!themes.isEmpty()) {
      double[][] cost = new double[themes.size()][k];
      for (int t = 0; t < themes.size(); t++) {
        for (int c = 0; c < k; c++) cost[t][c] = -Vectors.dot(seeds, t * d, centroids, c * d, d);
      }
      int[] match = dev.verbatim.topics.align.Hungarian.solve(cost);
      for (int t = 0; t < themes.size(); t++) {
        if (match[t] >= 0) names.set(match[t], new TopicLabeller.Naming(themes.get(t).name(), names.get(match[t]).topTerms()));
      }
    }
    List<Topic> topics = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      topics.add(
          new Topic(
              TopicId.of(c + 1),
              names.get(c).label(),
              names.get(c).topTerms(),
              representatives(enc.docs, d, cls, c, centroids, params.representatives(), corpus),
              size[order[c]]));
    }
    List<TopicId> ids = topics.stream().map(Topic::id).toList();
    Map<String, DocumentTopics> training = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      TopicDocument doc = corpus.documents().get(i);
      training.put(
          doc.id(),
          EmbeddingTopicModel.assign(doc.id(), prep.sentences().get(i), enc.sentenceVectors(i),
              enc.weights.get(i), cls[i], centroids, ids, d));
    }
    LOG.info("fitted {} topics on {} documents: encode {} ms, cluster {} ms, label {} ms", k, n,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    return new EmbeddingTopicModel(id(space == null ? 0 : lexicalWeight), encoder, analyzer, topics, centroids, d, training, enc.docs, hyb);
  }

  /** Returns n hybrid vectors: {@code sqrt(1 - w)} times each unit vector of {@code docs}, then {@code sqrt(w)} times its unit TF-IDF vector. */
  static float[] hybrid(float[] docs, int n, int d, List<List<String>> content, LexicalSpace space, float w) {
    int dh = d + space.size();
    float[] x = new float[n * dh];
    float e = (float) Math.sqrt(1 - w);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) x[i * dh + j] = e * docs[i * d + j];
      space.write(content.get(i), x, i * dh + d, (float) Math.sqrt(w));
    }
    return x;
  }

  private static List<String> representatives(float[] docs, int d, int[] cls, int c, float[] centroids, int r, Corpus corpus) {
    List<int[]> members = new ArrayList<>();
    List<Float> sims = new ArrayList<>();
    for (int i = 0; i < cls.length; i++) {
      if (cls[i] == c) {
        members.add(new int[] {i});
        sims.add(Vectors.dot(docs, i * d, centroids, c * d, d));
      }
    }
    Integer[] idx = new Integer[members.size()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    java.util.Arrays.sort(idx, (p, q) -> {
      int s = Float.compare(sims.get(q), sims.get(p));
      return s != 0 ? s : Integer.compare(members.get(p)[0], members.get(q)[0]);
    });
    List<String> out = new ArrayList<>();
    java.util.Set<String> seenText = new java.util.HashSet<>();
    for (Integer i : idx) {
      if (out.size() == r) break;
      TopicDocument doc = corpus.documents().get(members.get(i)[0]);
      if (seenText.add(doc.text().strip())) out.add(doc.id()); // no duplicate verbatims
    }
    return out;
  }

  /** Encoded sentences and document vectors. */
  static final class Encoded {
    final float[] docs; // n*d unit document vectors
    final List<List<float[]>> sentences; // per document, per sentence
    final List<float[]> weights; // per document, per sentence weight

    Encoded(float[] docs, List<List<float[]>> sentences, List<float[]> weights) {
      this.docs = docs;
      this.sentences = sentences;
      this.weights = weights;
    }

    List<float[]> sentenceVectors(int doc) {
      return sentences.get(doc);
    }
  }

  /** Encodes every distinct sentence once and builds document vectors. */
  static Encoded encode(SentenceEncoder encoder, List<List<String>> sentences, List<List<List<String>>> tokens) {
    Map<String, Integer> distinct = new HashMap<>();
    List<String> unique = new ArrayList<>();
    for (List<String> doc : sentences) {
      for (String s : doc) {
        String c = EncoderText.clean(s);
        if (distinct.putIfAbsent(c, unique.size()) == null) unique.add(c);
      }
    }
    List<float[]> vecs = encoder.encode(unique);
    int d = encoder.dimension();
    int n = sentences.size();
    float[] docs = new float[n * d];
    List<List<float[]>> perDoc = new ArrayList<>(n);
    List<float[]> weights = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> ss = sentences.get(i);
      List<float[]> sv = new ArrayList<>(ss.size());
      float[] w = new float[ss.size()];
      for (int j = 0; j < ss.size(); j++) {
        float[] v = vecs.get(distinct.get(EncoderText.clean(ss.get(j))));
        sv.add(v);
        w[j] = Math.max(1, tokens.get(i).get(j).size());
        for (int t = 0; t < d; t++) docs[i * d + t] += w[j] * v[t];
      }
      Vectors.normalize(docs, i * d, d);
      perDoc.add(sv);
      weights.add(w);
    }
    return new Encoded(docs, perDoc, weights);
  }
}
