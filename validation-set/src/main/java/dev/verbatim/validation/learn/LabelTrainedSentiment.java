package dev.verbatim.validation.learn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.validation.Prediction;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.SentimentModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A sentiment model trained on reviewer labels: multinomial logistic regression (AdaGrad, L2,
 * class-balanced) over hashed word / bigram features with negation scope, plus the base scorer's
 * label, score and confidence as features, so it learns where the base scorer is right on this
 * customer's data and corrects it where it is not. With text features off it is a pure
 * recalibration of the base scorer. Immutable after training; thread-safe; predicting costs one pass
 * over the text.
 */
public final class LabelTrainedSentiment implements SentimentModel {
  /** The model file's format name, written in its header. */
  public static final String FORMAT = "verbatim-label-sentiment";
  /** The model file's format version. */
  public static final int VERSION = 2; // 2: optional embedding_mean (centred embeddings); v1 files still load

  private static final int K = SentimentLabel.values().length;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Training settings.
   *
   * @param textFeatures use words and bigrams
   * @param baseFeatures use the base scorer's label, score and confidence
   * @param dimension hash buckets (power of two recommended)
   * @param epochs passes over the labels
   * @param learningRate AdaGrad base rate
   * @param l2 L2 penalty per update
   * @param seed shuffle seed
   * @param charGrams add character 3- to 5-grams of words (sub-word pieces) to the text features
   * @param embeddings add the text's sentence embedding (e5-small-v2, {@code TextEmbeddings}) as dense
   *     features, scaled by {@code embeddingScale}
   * @param embeddingScale the factor on each embedding component (unit vectors have small components)
   * @param centerEmbeddings centre the embeddings on the mean embedding of the texts the model is
   *     trained among (reviewer-labelled and, when self-training, unlabelled ones), then make them
   *     unit length again: sentence encoders put all texts of one domain in a narrow cone, and
   *     centring spreads the differences that matter over all directions (kept in the model file)
   */
  public record Options(
      boolean textFeatures, boolean baseFeatures, int dimension, int epochs, double learningRate, double l2, long seed,
      boolean charGrams, boolean embeddings, double embeddingScale, boolean centerEmbeddings) {
    public Options {
      if (!textFeatures && !baseFeatures) {
        throw new IllegalArgumentException("at least one of text and base features must be on");
      }
      if (dimension < 16 || epochs < 1 || !(learningRate > 0) || !(l2 >= 0)) {
        throw new IllegalArgumentException("bad training options: " + dimension + ", " + epochs + ", "
            + learningRate + ", " + l2);
      }
    }

    /** Options with uncentred embeddings (model files written before centring existed). */
    public Options(boolean textFeatures, boolean baseFeatures, int dimension, int epochs, double learningRate,
        double l2, long seed, boolean charGrams, boolean embeddings, double embeddingScale) {
      this(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, seed, charGrams, embeddings, embeddingScale,
          false);
    }

    /** Options without sentence embeddings (model files written before they existed). */
    public Options(boolean textFeatures, boolean baseFeatures, int dimension, int epochs, double learningRate,
        double l2, long seed, boolean charGrams) {
      this(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, seed, charGrams, false, 0);
    }

    /** Text and base features, 2^18 buckets, 5 epochs. */
    public static Options defaults() {
      return new Options(true, true, 1 << 18, 5, 0.1, 0, 1, false, false, 0);
    }

    /**
     * What {@code validate learn} uses: words, the base scorer's output and the text's e5-small-v2
     * sentence embedding centred on the training texts' mean (scale 2), 20 epochs at rate 0.05;
     * chosen on the airline simulation (module README).
     */
    public static Options recommended() {
      return defaults().withEmbeddings(true, 2).withCentering(true).withTraining(20, 0.05, 0);
    }

    /** These options with sentence-embedding features on (scaled by {@code scale}) or off. */
    public Options withEmbeddings(boolean on, double scale) {
      return new Options(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, seed, charGrams, on, scale,
          centerEmbeddings);
    }

    /** These options with other training settings. */
    public Options withTraining(int e, double rate, double penalty) {
      return new Options(textFeatures, baseFeatures, dimension, e, rate, penalty, seed, charGrams, embeddings,
          embeddingScale, centerEmbeddings);
    }

    /** These options with base features on or off. */
    public Options withBaseFeatures(boolean on) {
      return new Options(textFeatures, on, dimension, epochs, learningRate, l2, seed, charGrams, embeddings,
          embeddingScale, centerEmbeddings);
    }

    /** These options with character n-grams on or off. */
    public Options withCharGrams(boolean on) {
      return new Options(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, seed, on, embeddings,
          embeddingScale, centerEmbeddings);
    }

    /** These options with the embeddings centred on the training texts' mean embedding, or not. */
    public Options withCentering(boolean on) {
      return new Options(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, seed, charGrams, embeddings,
          embeddingScale, on);
    }

    /** These options with another seed. */
    public Options withSeed(long s) {
      return new Options(textFeatures, baseFeatures, dimension, epochs, learningRate, l2, s, charGrams, embeddings,
          embeddingScale, centerEmbeddings);
    }

    /** These options with text features on or off. */
    public Options withTextFeatures(boolean on) {
      return new Options(on, baseFeatures, dimension, epochs, learningRate, l2, seed, charGrams, embeddings,
          embeddingScale, centerEmbeddings);
    }
  }

  /** Self-training: pseudo-labels need at least this probability. */
  public static final double SELF_MIN_CONFIDENCE = 0.7;
  /** Self-training: a pseudo-label weighs this much against a reviewer's label. */
  public static final double SELF_WEIGHT = 0.3;

  private final Options options;
  private final Features features;
  private final double[] weights; // dim * K, bucket-major
  private final int trainedOn;
  private final float @Nullable [] embeddingMean; // with centerEmbeddings

  private LabelTrainedSentiment(Options options, double[] weights, int trainedOn, float @Nullable [] embeddingMean) {
    this.options = options;
    this.embeddingMean = embeddingMean;
    this.features = Features.of(options, embeddingMean);
    this.weights = weights;
    this.trainedOn = trainedOn;
  }

  /**
   * The mean sentence embedding of these texts when the options centre embeddings (else null):
   * the centre the model's embedding features are measured from.
   */
  static float @Nullable [] embeddingMean(List<String> texts, Options options) {
    if (!options.embeddings() || !options.centerEmbeddings() || texts.isEmpty()) {
      return null;
    }
    TextEmbeddings e = TextEmbeddings.shipped();
    double[] sum = null;
    for (String t : texts) {
      float[] v = e.of(t);
      if (sum == null) {
        sum = new double[v.length];
      }
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
    }
    float[] mean = new float[requireNonNull(sum).length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (sum[i] / texts.size());
    }
    return mean;
  }

  /**
   * Computes ahead, in parallel batches, what the options' features need for these texts (their
   * sentence embeddings); training and prediction then only look them up. Optional: features are
   * computed on demand otherwise.
   */
  public static void prepare(java.util.Collection<String> texts, Options options) {
    if (options.embeddings()) {
      TextEmbeddings.shipped().prefetch(texts);
    }
  }

  /** A learner with these options, for the {@link SentimentLearner} seam. */
  public static SentimentLearner learner(Options options) {
    return examples -> train(examples, options);
  }

  /** Trains on reviewer labels. Needs at least 10 examples and two distinct labels. */
  public static LabelTrainedSentiment train(List<TrainingExample> examples, Options options) {
    return train(examples, null, options, embeddingMean(texts(examples, List.of()), options));
  }

  private static List<String> texts(List<TrainingExample> examples, List<ScoredText> unlabeled) {
    List<String> out = new ArrayList<>(examples.size() + unlabeled.size());
    examples.forEach(e -> out.add(e.input().text()));
    unlabeled.forEach(u -> out.add(u.text()));
    return out;
  }

  /**
   * Self-training: trains on the labels, then adds the unlabelled texts the first model is sure of
   * (probability at least {@code minConfidence}) as pseudo-labels weighing {@code pseudoWeight} each,
   * and trains again. Uses the customer's own unlabelled corpus to spread what the labels taught.
   */
  public static LabelTrainedSentiment selfTrain(List<TrainingExample> examples, List<ScoredText> unlabeled,
      double minConfidence, double pseudoWeight, Options options) {
    return selfTrain(examples, unlabeled, minConfidence, pseudoWeight, 1, options);
  }

  /**
   * Self-training in {@code rounds} rounds: each round pseudo-labels the unlabelled texts with the
   * previous round's model (those it gives at least {@code minConfidence}) and retrains on the
   * reviewer labels (weight 1) plus the pseudo-labels (weight {@code pseudoWeight}).
   */
  public static LabelTrainedSentiment selfTrain(List<TrainingExample> examples, List<ScoredText> unlabeled,
      double minConfidence, double pseudoWeight, int rounds, Options options) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    float[] mean = embeddingMean(texts(examples, unlabeled), options); // the whole population's centre
    LabelTrainedSentiment model = train(examples, null, options, mean);
    for (int round = 0; round < rounds; round++) {
      List<TrainingExample> all = new ArrayList<>(examples);
      List<Double> weights = new ArrayList<>();
      examples.forEach(e -> weights.add(1.0));
      for (ScoredText x : unlabeled) {
        Prediction p = model.predict(x);
        if (p.confidence() >= minConfidence) {
          all.add(new TrainingExample(x, p.label()));
          weights.add(pseudoWeight);
        }
      }
      double[] w = new double[weights.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights.get(i);
      }
      model = train(all, w, options, mean);
    }
    return new LabelTrainedSentiment(options, model.weights, examples.size(), mean); // counts reviewer labels only
  }

  static LabelTrainedSentiment train(List<TrainingExample> examples, double @Nullable [] exampleWeight,
      Options options, float @Nullable [] embeddingMean) {
    requireNonNull(examples, "examples");
    requireNonNull(options, "options");
    if (examples.size() < 10 || examples.stream().map(TrainingExample::truth).distinct().count() < 2) {
      throw new IllegalArgumentException("need at least 10 labels with two different sentiments to learn, got "
          + examples.size());
    }
    Features f = Features.of(options, embeddingMean);
    List<List<Features.F>> xs = new ArrayList<>();
    for (TrainingExample e : examples) {
      xs.add(f.of(e.input()));
    }
    // Balanced class weights: n / (K * n_k), so macro-F1 does not sacrifice the rare classes.
    Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
    examples.forEach(e -> counts.merge(e.truth(), 1, Integer::sum));
    double[] classWeight = new double[K];
    for (SentimentLabel l : SentimentLabel.values()) {
      int c = counts.getOrDefault(l, 0);
      classWeight[l.ordinal()] = c == 0 ? 0 : examples.size() / (double) (counts.size() * c);
    }
    double[] w = new double[options.dimension() * K];
    double[] g2 = new double[options.dimension() * K];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Random rng = new Random(options.seed());
    double[] p = new double[K];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      Collections.shuffle(order, rng);
      for (int i : order) {
        List<Features.F> x = xs.get(i);
        probabilities(w, x, p);
        int y = examples.get(i).truth().ordinal();
        double cw = classWeight[y] * (exampleWeight == null ? 1 : exampleWeight[i]);
        for (Features.F feat : x) {
          int base = feat.index() * K;
          for (int k = 0; k < K; k++) {
            double grad = cw * (p[k] - (k == y ? 1 : 0)) * feat.value() + options.l2() * w[base + k];
            g2[base + k] += grad * grad;
            w[base + k] -= options.learningRate() * grad / (Math.sqrt(g2[base + k]) + 1e-8);
          }
        }
      }
    }
    return new LabelTrainedSentiment(options, w, examples.size(), embeddingMean);
  }

  private static void probabilities(double[] w, List<Features.F> x, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < K; k++) {
      double z = 0;
      for (Features.F f : x) {
        z += w[f.index() * K + k] * f.value();
      }
      p[k] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int k = 0; k < K; k++) {
      p[k] = Math.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < K; k++) {
      p[k] /= sum;
    }
  }

  /** The probability of each label (in {@link SentimentLabel} order) for one text. */
  public double[] probabilities(ScoredText input) {
    double[] p = new double[K];
    probabilities(weights, features.of(input), p);
    return p;
  }

  @Override
  public Prediction predict(ScoredText input) {
    double[] p = probabilities(input);
    int best = 0;
    for (int k = 1; k < K; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return new Prediction(SentimentLabel.values()[best], p[best]);
  }

  /** The options it was trained with. */
  public Options options() {
    return options;
  }

  /** How many labels it was trained on. */
  public int trainedOn() {
    return trainedOn;
  }

  /**
   * Writes the model as JSON (header: format, version, options; then the non-zero weights), via a
   * temporary file and an atomic move, so a crash never leaves a half-written model.
   */
  public void save(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("trained_on", trainedOn);
    if (options.embeddings()) {
      root.put("encoder", TextEmbeddings.ENCODER_ID);
    }
    root.set("options", JSON.valueToTree(options));
    if (embeddingMean != null) {
      ArrayNode m = root.putArray("embedding_mean");
      for (float v : embeddingMean) {
        m.add(v);
      }
    }
    ArrayNode ws = root.putArray("weights");
    for (int b = 0; b < options.dimension(); b++) {
      boolean any = false;
      for (int k = 0; k < K; k++) {
        any |= weights[b * K + k] != 0;
      }
      if (any) {
        ArrayNode row = ws.addArray();
        row.add(b);
        for (int k = 0; k < K; k++) {
          row.add((float) weights[b * K + k]);
        }
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      JSON.writeValue(out, root);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a model written by {@link #save}; IOException with the reason when it is not one. */
  public static LabelTrainedSentiment load(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    int version = root == null ? 0 : root.path("version").asInt();
    if (root == null || !FORMAT.equals(root.path("format").asText()) || version < 1 || version > VERSION) {
      throw new IOException(file + " is not a " + FORMAT + " v1-v" + VERSION + " model file");
    }
    Options o = JSON.treeToValue(root.get("options"), Options.class);
    if (o.embeddings() && !TextEmbeddings.ENCODER_ID.equals(root.path("encoder").asText())) {
      throw new IOException(file + " was trained on " + root.path("encoder").asText("unknown") + " sentence embeddings;"
          + " this Verbatim has " + TextEmbeddings.ENCODER_ID + ": run `validate learn` again");
    }
    float[] mean = null;
    if (o.embeddings() && o.centerEmbeddings()) {
      JsonNode m = root.path("embedding_mean");
      if (!m.isArray() || m.isEmpty()) {
        throw new IOException(file + ": centred embeddings but no embedding_mean; run `validate learn` again");
      }
      mean = new float[m.size()];
      for (int i = 0; i < mean.length; i++) {
        if (!m.get(i).isNumber() || !Double.isFinite(m.get(i).asDouble())) {
          throw new IOException(file + ": embedding_mean[" + i + "] is not a number; run `validate learn` again");
        }
        mean[i] = (float) m.get(i).asDouble();
      }
    }
    double[] w = new double[o.dimension() * K];
    for (JsonNode row : root.path("weights")) {
      int b = row.get(0).asInt();
      if (b < 0 || b >= o.dimension()) {
        throw new IOException(file + ": weight bucket " + b + " out of range");
      }
      for (int k = 0; k < K; k++) {
        w[b * K + k] = row.get(k + 1).asDouble();
      }
    }
    return new LabelTrainedSentiment(o, w, root.path("trained_on").asInt(), mean);
  }
}
