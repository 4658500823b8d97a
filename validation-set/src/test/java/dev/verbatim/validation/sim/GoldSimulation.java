package dev.verbatim.validation.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.SentimentModel;
import dev.verbatim.validation.estimate.ConfusionMatrix;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.estimate.Interval;
import dev.verbatim.validation.estimate.Observation;
import dev.verbatim.validation.estimate.SentimentEstimate;
import dev.verbatim.validation.learn.Evaluation;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import dev.verbatim.validation.learn.LearnReport;
import dev.verbatim.validation.learn.TrainingExample;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampleSize;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sample.Stratum;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A simulated review on the dev gold files: sample with each strategy, "label" with the gold labels,
 * and print the estimated accuracy with its interval next to the true accuracy on the whole file;
 * then the before / after of learning from 200 and 500 labels. Any predictor function can be
 * plugged in ({@link #run}); {@link #main} uses the shipped scorer. Models are trained in memory
 * only and never saved (gold data must not ship in a model).
 *
 * <p>Run: {@code mvn -q -pl validation-set -am test-compile} then {@code java -cp <test classpath>
 * dev.verbatim.validation.sim.GoldSimulation [gold dir]}; see the module README. Prints a note and
 * exits 0 when the gold folder is absent.
 */
public final class GoldSimulation {
  /** A gold text as a population record, scored by {@code s} (no turns, no second opinion, no topic). */
  public static PopulationRecord asPopulation(Gold g, ScoredText s) {
    return new PopulationRecord(g.id(), g.text(), g.channel(), s.predicted(), s.score(), s.confidence(),
        List.of(), null, null);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TARGET = Pattern.compile("(?i)\\b(refund|cancel\\w*|delay\\w*|lost|broken|charged?)\\b");

  private final Function<String, ScoredText> predictor;
  private final Function<String, ScoredText> second;
  private final PrintStream out;

  GoldSimulation(Function<String, ScoredText> predictor, Function<String, ScoredText> second, PrintStream out) {
    this.predictor = predictor;
    this.second = second;
    this.out = out;
  }

  public record Gold(String id, String text, SentimentLabel truth, String channel) {}

  /** The "reviewer" labels of a stratified sample and the rest of the file, both with gold truth. */
  public record Split(List<TrainingExample> labels, List<TrainingExample> rest) {}

  /** Draws n stratified items (seeded) from the population; they are labelled, the rest is not. */
  public static Split split(List<PopulationRecord> population, Map<String, Gold> byId, int n, long seed) {
    Sample sample = new Sampler().draw(population, SamplePlan.of(Strategy.STRATIFIED, n, seed));
    Set<String> labelled = new HashSet<>();
    List<TrainingExample> labels = new ArrayList<>();
    for (SampledItem it : sample.items()) {
      labelled.add(it.record().id());
      labels.add(new TrainingExample(it.record().scored(), byId.get(it.record().id()).truth()));
    }
    List<TrainingExample> rest = new ArrayList<>();
    for (PopulationRecord r : population) {
      if (!labelled.contains(r.id())) rest.add(new TrainingExample(r.scored(), byId.get(r.id()).truth()));
    }
    return new Split(labels, rest);
  }

  public static List<Gold> read(Path file) throws IOException {
    List<Gold> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = JSON.readTree(line);
        var s = SentimentLabel.parse(n.path("sentiment").asText(null));
        if (s.isEmpty()) continue;
        out.add(new Gold(n.path("id").asText(), n.path("text").asText(""), s.get(), n.path("channel").asText("review")));
      }
    }
    return out;
  }

  /** Runs the review simulation (all strategies) on one file. */
  void review(Path file) throws IOException {
    List<Gold> gold = read(file);
    if (gold.size() < 100) {
      return;
    }
    boolean binary = gold.stream().noneMatch(g -> g.truth() == SentimentLabel.NEUTRAL);
    Map<String, SentimentLabel> truth = new HashMap<>();
    List<PopulationRecord> population = new ArrayList<>();
    int correct = 0;
    for (Gold g : gold) {
      ScoredText s = predictor.apply(g.text());
      SentimentLabel pred = binary ? (s.score() > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE) : s.predicted();
      truth.put(g.id(), g.truth());
      correct += pred == g.truth() ? 1 : 0;
      population.add(new PopulationRecord(g.id(), g.text(), g.channel(), pred, s.score(), s.confidence(),
          List.of(), second.apply(g.text()).predicted(), null));
    }
    double trueAcc = (double) correct / gold.size();
    int n = SampleSize.forMargin(0.05, population.size());
    out.printf(Locale.ROOT, "%n%s: %,d records%s, true accuracy %.3f; n = %d (margin 0.05)%n",
        file.getFileName(), gold.size(), binary ? " (binary)" : "", trueAcc, n);
    Set<String> targeted = new HashSet<>();
    for (Gold g : gold) if (TARGET.matcher(g.text()).find()) targeted.add(g.id());
    Sampler sampler = new Sampler();
    Estimator est = Estimator.defaults();
    for (Strategy st : Strategy.values()) {
      SamplePlan plan = SamplePlan.of(st, n, 1).withTargets(List.copyOf(targeted));
      Sample sample = sampler.draw(population, plan);
      List<Observation> obs = new ArrayList<>();
      for (SampledItem it : sample.items()) {
        obs.add(new Observation(it.stratum(), truth.get(it.record().id()), it.record().predicted()));
      }
      Map<String, Integer> sizes = null;
      if (st.representative()) {
        sizes = new HashMap<>();
        for (Stratum s : sample.strata()) sizes.put(s.key(), s.populationCount());
      }
      SentimentEstimate e = est.estimate(obs, sizes);
      Interval a = e.accuracy();
      out.printf(Locale.ROOT, "  %-12s n=%4d  accuracy %.3f [%.3f, %.3f] (%s)  vs true %.3f  %s%n", st.wire(),
          obs.size(), a.estimate(), a.low(), a.high(), e.scope(), trueAcc,
          st.representative() ? (a.covers(trueAcc) ? "covered" : "NOT covered") : "(not representative, by design)");
    }
  }

  /**
   * Learns from n stratified labels of the file and measures on the rest of the file (labels never
   * seen in training; the rest's texts are the unlabelled corpus self-training reads, as `validate
   * learn --self-train` reads the workspace's population).
   *
   * @return macro-F1 on the rest: base scorer, words + base (v1 learner), + sentence embeddings,
   *     + self-training (the recommended `validate learn --self-train`)
   */
  double[] learn(Path file, int n, long seed) throws IOException {
    List<Gold> gold = read(file);
    List<PopulationRecord> population = new ArrayList<>();
    Map<String, Gold> byId = new HashMap<>();
    for (Gold g : gold) {
      byId.put(g.id(), g);
      population.add(asPopulation(g, predictor.apply(g.text())));
    }
    Split split = split(population, byId, n, seed);
    List<TrainingExample> labels = split.labels();
    List<TrainingExample> rest = split.rest();
    List<ScoredText> unlabeled = rest.stream().map(TrainingExample::input).toList();
    LabelTrainedSentiment.Options words = LabelTrainedSentiment.Options.defaults().withSeed(seed);
    LabelTrainedSentiment.Options recommended = LabelTrainedSentiment.Options.recommended().withSeed(seed);
    LabelTrainedSentiment.prepare(gold.stream().map(Gold::text).toList(), recommended);
    SentimentModel v1 = LabelTrainedSentiment.train(labels, words);
    SentimentModel emb = LabelTrainedSentiment.train(labels, recommended);
    SentimentModel self = LabelTrainedSentiment.selfTrain(labels, unlabeled, LabelTrainedSentiment.SELF_MIN_CONFIDENCE,
        LabelTrainedSentiment.SELF_WEIGHT, 3, recommended);
    Estimator est = new Estimator(0.95, 200, seed);
    SentimentEstimate before = Evaluation.evaluate(SentimentModel.base(), rest, est);
    SentimentEstimate after = Evaluation.evaluate(self, rest, est);
    LearnReport heldOut = Evaluation.beforeAfter(labels, LabelTrainedSentiment.learner(recommended), 0.2, seed, est);
    out.printf(Locale.ROOT, "%n%s, learn from %d stratified labels (seed %d), measured on the other %,d records:%n",
        file.getFileName(), n, seed, rest.size());
    out.printf(Locale.ROOT, "  base scorer                     macro-F1 %s  accuracy %.3f%n", fmt(before.macroF1()),
        before.accuracy().estimate());
    out.printf(Locale.ROOT, "  words + base                    macro-F1 %.3f%n", macroF1(v1, rest));
    out.printf(Locale.ROOT, "  + sentence embeddings           macro-F1 %.3f%n", macroF1(emb, rest));
    out.printf(Locale.ROOT, "  + self-training (3 rounds)      macro-F1 %s  accuracy %.3f%n", fmt(after.macroF1()),
        after.accuracy().estimate());
    out.printf(Locale.ROOT, "  `validate learn` view, 20%% of the labels held out (%d): before %s, after %s%n",
        heldOut.heldOutLabels(), fmt(heldOut.before().macroF1()), fmt(heldOut.after().macroF1()));
    return new double[] {before.macroF1().estimate(), macroF1(v1, rest), macroF1(emb, rest),
        after.macroF1().estimate(), after.macroF1().low(), after.macroF1().high()};
  }

  private static String fmt(Interval i) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high());
  }

  public static double macroF1(SentimentModel m, List<TrainingExample> xs) {
    ConfusionMatrix cm = new ConfusionMatrix();
    for (TrainingExample x : xs) cm.add(x.truth(), m.predict(x.input()).label(), 1);
    return cm.macroF1();
  }

  static double accuracy(SentimentModel m, List<TrainingExample> xs) {
    ConfusionMatrix cm = new ConfusionMatrix();
    for (TrainingExample x : xs) cm.add(x.truth(), m.predict(x.input()).label(), 1);
    return cm.accuracy();
  }

  /** Runs the whole simulation; returns false when the gold folder is absent. */
  public static boolean run(Path goldDir, Function<String, ScoredText> predictor, Function<String, ScoredText> second,
      PrintStream out) throws IOException {
    if (!Files.isDirectory(goldDir)) {
      out.println("gold folder " + goldDir + " is absent: simulation skipped");
      return false;
    }
    GoldSimulation sim = new GoldSimulation(predictor, second, out);
    List<Path> files;
    try (var s = Files.list(goldDir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path f : files) sim.review(f);
    Path airline = goldDir.resolve("airline.jsonl");
    if (Files.exists(airline)) {
      int seeds = Integer.getInteger("verbatim.sim.seeds", 3);
      StringBuilder summary = new StringBuilder();
      summary.append(String.format(Locale.ROOT, "  %-6s %-8s %-13s %-16s %-22s %s%n", "labels", "base", "words+base",
          "+embeddings", "+self-training", "[min, max] over seeds; 95% CI of seed 1"));
      for (int n : new int[] {200, 500}) {
        double[] mean = new double[4];
        double lo = 1;
        double hi = 0;
        double[] ci = null;
        for (long seed = 1; seed <= seeds; seed++) {
          double[] r = sim.learn(airline, n, seed);
          for (int k = 0; k < 4; k++) mean[k] += r[k] / seeds;
          lo = Math.min(lo, r[3]);
          hi = Math.max(hi, r[3]);
          if (seed == 1) ci = new double[] {r[4], r[5]};
        }
        summary.append(String.format(Locale.ROOT, "  %-6d %-8.3f %-13.3f %-16.3f %-22.3f [%.3f, %.3f]; [%.3f, %.3f]%n", n,
            mean[0], mean[1], mean[2], mean[3], lo, hi, ci[0], ci[1]));
      }
      out.printf(Locale.ROOT, "%nsummary: macro-F1 on the rest of airline.jsonl, learning from stratified reviewer labels,"
          + " mean of seeds 1-%d:%n%s", seeds, summary);
    }
    return true;
  }

  /**
   * Entry point: optional argument, the gold folder (default ../shared/data/gold, then
   * ../../shared/data/gold). {@code -Dverbatim.sim.predictor=CLASS} plugs in another base predictor:
   * a class with a public no-argument constructor implementing {@code Function<String, ScoredText>}
   * (e.g. {@link TinyLexicon}); the default is the shipped scorer ({@link ShippedScorer}). {@code
   * -Dverbatim.sim.embcache=FILE} keeps sentence embeddings of the gold texts in FILE between runs
   * (put it outside the project, e.g. under /tmp); {@code -Dverbatim.sim.seeds=N} (default 3).
   */
  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("../shared/data/gold");
    if (args.length == 0 && !Files.isDirectory(dir)) dir = Path.of("../../shared/data/gold");
    String cls = System.getProperty("verbatim.sim.predictor");
    Function<String, ScoredText> predictor = new ShippedScorer();
    String cache = System.getProperty("verbatim.sim.embcache");
    if (cache != null) {
      dev.verbatim.validation.learn.CachedEncoder.install(Path.of(cache));
    }
    if (cls != null) {
      @SuppressWarnings("unchecked")
      Function<String, ScoredText> p = (Function<String, ScoredText>) Class.forName(cls).getConstructor().newInstance();
      predictor = p;
    }
    System.out.println("base predictor: " + (cls == null ? "the shipped LexiconSentimentScorer" : cls));
    run(dir, predictor, new TinyLexicon(false, 0.2), System.out);
    if (cache != null) {
      dev.verbatim.validation.learn.CachedEncoder.save(Path.of(cache));
    }
  }
}
