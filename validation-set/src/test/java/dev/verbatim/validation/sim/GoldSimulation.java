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
 * plugged in ({@link #run}); {@link #main} uses a tiny hand-written lexicon. Models are trained in
 * memory only and never saved (gold data must not ship in a model).
 *
 * <p>Run: {@code mvn -q -pl validation-set -am test-compile} then {@code java -cp <test classpath>
 * dev.verbatim.validation.sim.GoldSimulation [gold dir]}; see the module README. Prints a note and
 * exits 0 when the gold folder is absent.
 */
public final class GoldSimulation {
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

  record Gold(String id, String text, SentimentLabel truth, String channel) {}

  static List<Gold> read(Path file) throws IOException {
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
   * Learns from n stratified labels of the file and measures on the rest.
   *
   * @return macro-F1 on the rest of the file: base scorer, learned (text + base)
   */
  double[] learn(Path file, int n, long seed) throws IOException {
    List<Gold> gold = read(file);
    List<PopulationRecord> population = new ArrayList<>();
    Map<String, Gold> byId = new HashMap<>();
    for (Gold g : gold) {
      ScoredText s = predictor.apply(g.text());
      byId.put(g.id(), g);
      population.add(new PopulationRecord(g.id(), g.text(), g.channel(), s.predicted(), s.score(), s.confidence(),
          List.of(), null, null));
    }
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
    LabelTrainedSentiment.Options opts = LabelTrainedSentiment.Options.defaults().withTextFeatures(true);
    LabelTrainedSentiment both = LabelTrainedSentiment.train(labels, opts);
    LabelTrainedSentiment textOnly = LabelTrainedSentiment.train(labels, opts.withBaseFeatures(false));
    LabelTrainedSentiment calibrated = LabelTrainedSentiment.train(labels, opts.withTextFeatures(false));
    // self-training uses the rest of the file as unlabelled corpus (its labels stay unseen)
    LabelTrainedSentiment selfTrained = LabelTrainedSentiment.selfTrain(labels,
        rest.stream().map(TrainingExample::input).toList(), 0.7, 0.3, opts);
    LearnReport heldOut = Evaluation.beforeAfter(labels, LabelTrainedSentiment.learner(opts), 0.2, seed,
        Estimator.defaults());
    out.printf(Locale.ROOT, "%n%s, learn from %d labels (seed %d), measured on the other %,d records:%n",
        file.getFileName(), n, seed, rest.size());
    out.printf(Locale.ROOT, "  base scorer          macro-F1 %.3f  accuracy %.3f%n", macroF1(SentimentModel.base(), rest),
        accuracy(SentimentModel.base(), rest));
    out.printf(Locale.ROOT, "  recalibrated (base)  macro-F1 %.3f  accuracy %.3f%n", macroF1(calibrated, rest),
        accuracy(calibrated, rest));
    out.printf(Locale.ROOT, "  learned, text only   macro-F1 %.3f  accuracy %.3f%n", macroF1(textOnly, rest),
        accuracy(textOnly, rest));
    out.printf(Locale.ROOT, "  learned, text + base macro-F1 %.3f  accuracy %.3f%n", macroF1(both, rest),
        accuracy(both, rest));
    out.printf(Locale.ROOT, "  self-trained         macro-F1 %.3f  accuracy %.3f%n", macroF1(selfTrained, rest),
        accuracy(selfTrained, rest));
    out.printf(Locale.ROOT, "  held-out 20%% of the labels (%d): before macro-F1 %s, after %s%n",
        heldOut.heldOutLabels(), fmt(heldOut.before().macroF1()), fmt(heldOut.after().macroF1()));
    return new double[] {macroF1(SentimentModel.base(), rest), macroF1(both, rest), macroF1(selfTrained, rest)};
  }

  private static String fmt(Interval i) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high());
  }

  static double macroF1(SentimentModel m, List<TrainingExample> xs) {
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
      StringBuilder summary = new StringBuilder();
      for (int n : new int[] {200, 500}) {
        double base = 0;
        double learned = 0;
        double self = 0;
        for (long seed = 1; seed <= 3; seed++) {
          double[] r = sim.learn(airline, n, seed);
          base += r[0] / 3;
          learned += r[1] / 3;
          self += r[2] / 3;
        }
        summary.append(String.format(Locale.ROOT, "  %d labels: macro-F1 on the rest of airline.jsonl %.3f -> %.3f"
            + " (self-trained %.3f), mean of seeds 1-3%n", n, base, learned, self));
      }
      out.printf(Locale.ROOT, "%nsummary, learn from stratified labels of airline.jsonl:%n%s", summary);
    }
    return true;
  }

  /**
   * Entry point: optional argument, the gold folder (default ../shared/data/gold, then
   * ../../shared/data/gold). {@code -Dverbatim.sim.predictor=CLASS} plugs in another base predictor:
   * a class with a public no-argument constructor implementing {@code Function<String, ScoredText>}
   * (e.g. an adapter over the real sentiment scorer); the default is {@link TinyLexicon}.
   */
  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("../shared/data/gold");
    if (args.length == 0 && !Files.isDirectory(dir)) dir = Path.of("../../shared/data/gold");
    String cls = System.getProperty("verbatim.sim.predictor");
    Function<String, ScoredText> predictor = new TinyLexicon(true, 0.05);
    if (cls != null) {
      @SuppressWarnings("unchecked")
      Function<String, ScoredText> p = (Function<String, ScoredText>) Class.forName(cls).getConstructor().newInstance();
      predictor = p;
    }
    System.out.println("base predictor: " + (cls == null ? "TinyLexicon (test scope)" : cls));
    run(dir, predictor, new TinyLexicon(false, 0.2), System.out);
  }
}
