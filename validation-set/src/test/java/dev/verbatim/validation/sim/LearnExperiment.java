package dev.verbatim.validation.sim;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentModel;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import dev.verbatim.validation.learn.LabelTrainedSentiment.Options;
import dev.verbatim.validation.learn.TrainingExample;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The experiments behind the module README's "what was tried" table: learning variants on airline
 * with the shipped scorer, measured on the rest of the file (system properties pick the variants:
 * specs, selfs, ens, ns, seeds, only, active, oracle, embcache). Gold labels train nothing but the sampled
 * "reviewer" labels; nothing is saved.
 */
public final class LearnExperiment {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/gold/airline.jsonl");
    List<GoldSimulation.Gold> gold = GoldSimulation.read(file);
    ShippedScorer base = new ShippedScorer();
    List<PopulationRecord> population = new ArrayList<>();
    Map<String, GoldSimulation.Gold> byId = new HashMap<>();
    for (GoldSimulation.Gold g : gold) {
      ScoredText s = base.apply(g.text());
      byId.put(g.id(), g);
      population.add(GoldSimulation.asPopulation(g, s));
    }
    Map<String, BiFunction<List<TrainingExample>, List<ScoredText>, SentimentModel>> variants = new LinkedHashMap<>();
    Options d = Options.defaults();
    variants.put("learned", (l, u) -> LabelTrainedSentiment.train(l, d));
    variants.put("self", (l, u) -> LabelTrainedSentiment.selfTrain(l, u, 0.7, 0.3, d));
    for (String spec : System.getProperty("specs", "1:5:0.1:0,2:10:0.1:0,1:10:0.1:0,1:10:0.05:0,2:20:0.05:0").split(",")) {
      String[] f = spec.split(":");
      String flags = f.length > 4 ? f[4] : "";
      Options o = d.withEmbeddings(true, Double.parseDouble(f[0])).withTraining(Integer.parseInt(f[1]),
          Double.parseDouble(f[2]), Double.parseDouble(f[3])).withTextFeatures(!flags.contains("n"))
          .withCharGrams(flags.contains("c"));
      variants.put("emb" + spec, (l, u) -> LabelTrainedSentiment.train(l, o));
      int ens = Integer.getInteger("ens", 0);
      if (ens > 1) {
        variants.put("ens" + ens + "+emb" + spec, (l, u) -> {
          List<LabelTrainedSentiment> ms = new ArrayList<>();
          for (int k = 0; k < ens; k++) {
            ms.add(LabelTrainedSentiment.selfTrain(l, u, 0.7, 0.3, 3, o.withSeed(o.seed() + 1000L * k)));
          }
          return x -> {
            double[] p = new double[3];
            for (var m : ms) { double[] q = m.probabilities(x); for (int i = 0; i < 3; i++) p[i] += q[i] / ms.size(); }
            int b = 0; for (int i = 1; i < 3; i++) if (p[i] > p[b]) b = i;
            return new dev.verbatim.validation.Prediction(dev.verbatim.validation.SentimentLabel.values()[b], p[b]);
          };
        });
      }
      for (String st : System.getProperty("selfs", "").split(",")) {
        if (st.isEmpty()) continue;
        String[] g = st.split(":"); // threshold:weight:rounds
        variants.put("self" + st + "+emb" + spec, (l, u) -> LabelTrainedSentiment.selfTrain(l, u, Double.parseDouble(g[0]),
            Double.parseDouble(g[1]), Integer.parseInt(g[2]), o));
      }
    }
    var cached = System.getProperty("embcache") == null ? null
        : dev.verbatim.validation.learn.CachedEncoder.install(Path.of(System.getProperty("embcache")));
    long t1 = System.nanoTime();
    LabelTrainedSentiment.prepare(gold.stream().map(GoldSimulation.Gold::text).toList(), d.withEmbeddings(true, 1));
    System.out.printf(Locale.ROOT, "embedded %d texts in %d ms%n", gold.size(), (System.nanoTime() - t1) / 1_000_000);
    if (cached != null) cached.save();
    if (Boolean.getBoolean("oracle")) {
      for (long seed = 1; seed <= 2; seed++) {
        GoldSimulation.Split split = GoldSimulation.split(population, byId, 500, seed);
        List<TrainingExample> labels = split.labels();
        List<TrainingExample> rest = split.rest();
        var m = LabelTrainedSentiment.selfTrain(labels, rest.stream().map(TrainingExample::input).toList(), 0.7, 0.3, 3,
            Options.recommended().withSeed(seed));
        List<double[]> ps = new ArrayList<>();
        for (TrainingExample x : rest) ps.add(m.probabilities(x.input()));
        double best = 0; double bn = 0, bp = 0;
        for (double bu = -1.5; bu <= 1.51; bu += 0.1) for (double bpo = -1.5; bpo <= 1.51; bpo += 0.1) {
          var cm = new dev.verbatim.validation.estimate.ConfusionMatrix();
          for (int i = 0; i < rest.size(); i++) {
            double[] q = ps.get(i);
            double[] z = {Math.log(q[0] + 1e-12), Math.log(q[1] + 1e-12) + bu, Math.log(q[2] + 1e-12) + bpo};
            int b = 0; for (int k = 1; k < 3; k++) if (z[k] > z[b]) b = k;
            cm.add(rest.get(i).truth(), dev.verbatim.validation.SentimentLabel.values()[b], 1);
          }
          if (cm.macroF1() > best) { best = cm.macroF1(); bn = bu; bp = bpo; }
        }
        System.out.printf(Locale.ROOT, "seed %d: self-trained %.3f, oracle biases (neutral %+.1f, positive %+.1f) %.3f%n", seed,
            GoldSimulation.macroF1(m, rest), bn, bp, best);
      }
      return;
    }
    if (System.getProperty("active") != null) {
      active(population, byId, Integer.parseInt(System.getProperty("active")), Integer.getInteger("seeds", 2));
      return;
    }
    String only = System.getProperty("only");
    int seeds = Integer.getInteger("seeds", 3);
    for (int n : java.util.Arrays.stream(System.getProperty("ns", "200,500").split(",")).mapToInt(Integer::parseInt).toArray()) {
      Map<String, Double> sum = new LinkedHashMap<>();
      for (long seed = 1; seed <= seeds; seed++) {
        GoldSimulation.Split split = GoldSimulation.split(population, byId, n, seed);
        List<TrainingExample> labels = split.labels();
        List<TrainingExample> rest = split.rest();
        List<ScoredText> unl = rest.stream().map(TrainingExample::input).toList();
        sum.merge("base", GoldSimulation.macroF1(SentimentModel.base(), rest), Double::sum);
        for (var v : variants.entrySet()) {
          if (only != null && !v.getKey().matches(only)) continue;
          SentimentModel m = v.getValue().apply(labels, unl);
          sum.merge(v.getKey(), GoldSimulation.macroF1(m, rest), Double::sum);
          if (Boolean.getBoolean("detail") && seed == 1) {
            var cm = new dev.verbatim.validation.estimate.ConfusionMatrix();
            for (TrainingExample x : rest) cm.add(x.truth(), m.predict(x.input()).label(), 1);
            StringBuilder b = new StringBuilder("  " + v.getKey() + " n=" + n + ":");
            for (var l : dev.verbatim.validation.SentimentLabel.values()) {
              b.append(String.format(Locale.ROOT, " %s P %.2f R %.2f F %.2f;", l.wire(), cm.precision(l), cm.recall(l), cm.f1(l)));
            }
            System.out.println(b);
          }
        }
      }
      StringBuilder b = new StringBuilder("n=" + n);
      sum.forEach((k, v) -> b.append(String.format(Locale.ROOT, " | %s %.3f", k, v / seeds)));
      System.out.println(b);
    }
  }

  /** first stratified, then batches of 100 lowest-confidence under the current model; eval on a fixed 20% and on the rest. */
  static void active(List<PopulationRecord> population, Map<String, GoldSimulation.Gold> byId, int first, int seeds) {
    Options o = Options.recommended();
    double[] sum = new double[4];
    for (long seed = 1; seed <= seeds; seed++) {
      java.util.Random rng = new java.util.Random(seed * 7919);
      List<PopulationRecord> pool = new ArrayList<>();
      List<TrainingExample> held = new ArrayList<>();
      for (PopulationRecord r : population) {
        if (rng.nextDouble() < 0.2) held.add(new TrainingExample(r.scored(), byId.get(r.id()).truth()));
        else pool.add(r);
      }
      Sample s0 = new Sampler().draw(pool, SamplePlan.of(Strategy.STRATIFIED, first, seed));
      Set<String> got = new HashSet<>();
      List<TrainingExample> act = new ArrayList<>();
      for (SampledItem it : s0.items()) { got.add(it.record().id()); act.add(new TrainingExample(it.record().scored(), byId.get(it.record().id()).truth())); }
      while (act.size() < 500) {
        LabelTrainedSentiment m = LabelTrainedSentiment.train(act, o.withSeed(seed));
        List<PopulationRecord> cand = new ArrayList<>();
        for (PopulationRecord r : pool) if (!got.contains(r.id())) cand.add(r);
        Map<String, Double> conf = new HashMap<>();
        for (PopulationRecord r : cand) conf.put(r.id(), m.predict(r.scored()).confidence());
        cand.sort(java.util.Comparator.comparingDouble(r -> conf.get(r.id())));
        for (int i = 0; i < 100 && act.size() < 500; i++) {
          PopulationRecord r = cand.get(i); got.add(r.id()); act.add(new TrainingExample(r.scored(), byId.get(r.id()).truth()));
        }
      }
      Sample st = new Sampler().draw(pool, SamplePlan.of(Strategy.STRATIFIED, 500, seed));
      List<TrainingExample> strat = new ArrayList<>();
      Set<String> gotS = new HashSet<>();
      for (SampledItem it : st.items()) { gotS.add(it.record().id()); strat.add(new TrainingExample(it.record().scored(), byId.get(it.record().id()).truth())); }
      List<ScoredText> unlA = new ArrayList<>();
      List<TrainingExample> restA = new ArrayList<>(held);
      for (PopulationRecord r : pool) if (!got.contains(r.id())) { unlA.add(r.scored()); restA.add(new TrainingExample(r.scored(), byId.get(r.id()).truth())); }
      List<ScoredText> unlS = new ArrayList<>();
      for (PopulationRecord r : pool) if (!gotS.contains(r.id())) unlS.add(r.scored());
      var mA = LabelTrainedSentiment.selfTrain(act, unlA, 0.7, 0.3, 3, o.withSeed(seed));
      var mS = LabelTrainedSentiment.selfTrain(strat, unlS, 0.7, 0.3, 3, o.withSeed(seed));
      sum[0] += GoldSimulation.macroF1(mS, held);
      sum[1] += GoldSimulation.macroF1(mA, held);
      sum[2] += GoldSimulation.macroF1(mA, restA);
      System.out.printf(Locale.ROOT, "seed %d: held-out stratified %.3f active %.3f; active on rest %.3f%n", seed,
          GoldSimulation.macroF1(mS, held), GoldSimulation.macroF1(mA, held), GoldSimulation.macroF1(mA, restA));
    }
    System.out.printf(Locale.ROOT, "first=%d: held-out stratified %.3f | active %.3f | active on rest %.3f%n", first,
        sum[0] / seeds, sum[1] / seeds, sum[2] / seeds);
  }
}
