package dev.verbatim.topics.eval;

import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import dev.verbatim.topics.lda.GibbsLdaTrainer;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs {@code eval topics} without the app: {@code java -cp … dev.verbatim.topics.eval.EvalMain
 * --gold FILE [--topics K|auto|gold] [--encoder bge-small|minilm] [--method kmeans|lda|both]
 * [--mask-leaks] [--seed N] [--show] [--fast] [--cache DIR] [--lexical W|auto]}. {@code --lexical W}
 * clusters the hybrid representation (embedding and TF-IDF, weight W in [0, 1); 0 is the plain
 * embedding method); {@code auto}, the default as in the workspace's fit, applies {@link
 * EmbeddingTopicTrainer#withLengthRule}. Prints one JSON line per method to standard output (this
 * is a command-line entry point, so it writes to stdout).
 */
public final class EvalMain {
  private EvalMain() {}

  /** Entry point; see the class doc for arguments. */
  public static void main(String[] args) throws IOException {
    Path gold = null;
    String topics = "auto";
    String encoder = "bge-small";
    String method = "both";
    boolean mask = false;
    boolean show = false;
    boolean fast = false;
    long seed = 42;
    Path cache = null;
    double lexical = -1; // the length rule, as the workspace fits
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--gold" -> gold = Path.of(args[++i]);
        case "--topics" -> topics = args[++i];
        case "--encoder" -> encoder = args[++i];
        case "--method" -> method = args[++i];
        case "--mask-leaks" -> mask = true;
        case "--show" -> show = true;
        case "--fast" -> fast = true;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--cache" -> cache = Path.of(args[++i]);
        case "--lexical" -> {
          String v = args[++i];
          lexical = v.equals("auto") ? -1 : Double.parseDouble(v);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (gold == null) throw new IllegalArgumentException("--gold FILE is required");
    for (TopicEvaluation.Result r : run(gold, topics, encoder, method, mask, seed, cache, show ? System.out : null, fast ? System.out : null, lexical)) {
      System.out.println(r.toJson());
    }
  }

  /**
   * Runs the evaluation and returns one result per method (embedding first, then the LDA baseline
   * with the K the embedding method used, so the two compare at equal K).
   *
   * @param gold a gold file (shared/formats/gold.md); only records with a {@code topic} are used
   * @param encoder {@code minilm} or {@code bge-small}
   * @param method {@code kmeans}, {@code lda} or {@code both}
   * @param mask whether to remove the airline set's leaked label phrases first
   * @param seed the seed of every random choice
   * @param cache a folder to keep embeddings in between runs (evaluation aid), or null
   * @param topics a number, {@code auto} (chosen by the method) or {@code gold} (number of gold categories)
   * @param show where to print each topic (label, size, terms), or null
   */
  public static java.util.List<TopicEvaluation.Result> run(Path gold, String topics, String encoder, String method, boolean mask,
      long seed, @org.jspecify.annotations.Nullable Path cache,
      java.io.@org.jspecify.annotations.Nullable PrintStream show) throws IOException {
    return run(gold, topics, encoder, method, mask, seed, cache, show, null, -1);
  }

  /**
   * As the other {@code run}; when {@code fast} is set, prints the distilled lexical model's
   * agreement and rate there; {@code lexical} is the hybrid weight (0: embeddings alone; -1: the
   * length rule, {@link EmbeddingTopicTrainer#withLengthRule}).
   */
  public static java.util.List<TopicEvaluation.Result> run(Path gold, String topics, String encoder, String method, boolean mask,
      long seed, @org.jspecify.annotations.Nullable Path cache, java.io.@org.jspecify.annotations.Nullable PrintStream show,
      java.io.@org.jspecify.annotations.Nullable PrintStream fast, double lexical) throws IOException {
    GoldTopics g = GoldTopics.read(gold);
    if (mask) g = g.masked();
    if (g.documents().isEmpty()) throw new IllegalArgumentException(gold + " has no records with a topic");
    TermAnalyzer analyzer = new SimpleTermAnalyzer();
    TopicParams params = TopicParams.defaults().withSeed(seed);
    if (topics.equals("gold")) params = params.withTopics(g.categories());
    else if (!topics.equals("auto")) params = params.withTopics(Integer.parseInt(topics));
    java.util.List<TopicEvaluation.Result> out = new java.util.ArrayList<>();
    int chosen = params.topics();
    if (!method.equals("lda")) {
      try (OnnxSentenceEncoder enc =
          new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.parse(encoder), Runtime.getRuntime().availableProcessors())) {
        dev.verbatim.topics.embed.SentenceEncoder e = cache == null ? enc : new CachingEncoder(enc, cache);
        EmbeddingTopicTrainer trainer = lexical == -1
            ? EmbeddingTopicTrainer.withLengthRule(e, analyzer)
            : new EmbeddingTopicTrainer(e, analyzer, lexical);
        long t0 = System.nanoTime();
        TopicModel model = trainer.fit(new dev.verbatim.topics.Corpus(g.documents()), params);
        double sec = (System.nanoTime() - t0) / 1e9;
        TopicEvaluation.Result r = TopicEvaluation.score(g, model, analyzer, model.method(), sec);
        out.add(r);
        chosen = r.topics();
        if (show != null) print(model, show);
        if (fast != null) {
          dev.verbatim.topics.Corpus corpus = new dev.verbatim.topics.Corpus(g.documents());
          long f0 = System.nanoTime();
          var lex = dev.verbatim.topics.lexical.LexicalTopicModel.distil(model, corpus, analyzer);
          double distil = (System.nanoTime() - f0) / 1e9;
          long f1 = System.nanoTime();
          double agreement = lex.agreement(model, corpus);
          double perS = corpus.size() / ((System.nanoTime() - f1) / 1e9);
          fast.printf(java.util.Locale.ROOT,
              "{\"method\":\"%s\",\"agreement\":%.4f,\"distil_seconds\":%.1f,\"infer_records_per_s\":%.0f}%n",
              lex.method(), agreement, distil, perS);
        }
      }
    }
    if (!method.equals("kmeans")) {
      GibbsLdaTrainer lda = new GibbsLdaTrainer(analyzer, 300);
      TopicParams lp = chosen > 0 ? params.withTopics(chosen) : params;
      long t0 = System.nanoTime();
      TopicModel model = lda.fit(new dev.verbatim.topics.Corpus(g.documents()), lp);
      double sec = (System.nanoTime() - t0) / 1e9;
      out.add(TopicEvaluation.score(g, model, analyzer, lda.id(), sec));
      if (show != null) print(model, show);
    }
    return out;
  }

  private static void print(TopicModel model, PrintStream out) {
    for (var t : model.topics()) {
      out.printf(java.util.Locale.ROOT, "%-4s %5d  %-40s %s%n", t.id(), t.size(), t.label(), String.join(" ", t.topTerms()));
    }
  }
}
