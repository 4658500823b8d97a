package dev.verbatim.validation.learn;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.estimate.ConfusionMatrix;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sim.GoldSimulation;
import dev.verbatim.validation.sim.ShippedScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simulations only (module README, "Learning: the airline aim"): graph-based variants on top of the
 * self-trained learner — label spreading over the kNN graph of the population's sentence
 * embeddings, pseudo-labels taken from the spread probabilities, class-balanced pseudo-label
 * quotas. 500 stratified gold labels play the reviewers; macro-F1 is measured on the rest of the
 * file; nothing is saved. System properties: embcache, seeds (from-to, e.g. 1-2), ks, alphas, only.
 */
public final class GraphExperiment {
  private static final int K = 3;

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/gold/airline.jsonl");
    List<GoldSimulation.Gold> gold = GoldSimulation.read(file);
    ShippedScorer base = new ShippedScorer();
    List<PopulationRecord> population = new ArrayList<>();
    List<ScoredText> scored = new ArrayList<>();
    int[] truth = new int[gold.size()];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < gold.size(); i++) {
      GoldSimulation.Gold g = gold.get(i);
      ScoredText s = base.apply(g.text());
      scored.add(s);
      truth[i] = g.truth().ordinal();
      index.put(g.id(), i);
      population.add(GoldSimulation.asPopulation(g, s));
    }
    if (System.getProperty("embcache") != null) {
      CachedEncoder.install(Path.of(System.getProperty("embcache")));
    }
    long t0 = System.nanoTime();
    TextEmbeddings emb = TextEmbeddings.shipped();
    emb.prefetch(gold.stream().map(GoldSimulation.Gold::text).toList());
    if (System.getProperty("embcache") != null) {
      CachedEncoder.save(Path.of(System.getProperty("embcache")));
    }
    List<float[]> vectors = new ArrayList<>();
    for (GoldSimulation.Gold g : gold) vectors.add(emb.of(g.text()));
    System.out.printf(Locale.ROOT, "embedded %d in %d ms%n", gold.size(), (System.nanoTime() - t0) / 1_000_000);
    double sharpen = Double.parseDouble(System.getProperty("sharpen", "1"));
    Map<Integer, NeighbourGraph> graphs = new LinkedHashMap<>();
    int[] kList = java.util.Arrays.stream(System.getProperty("ks", "10,20").split(",")).mapToInt(Integer::parseInt).toArray();
    long t1 = System.nanoTime();
    NeighbourGraph.Nearest nearest = NeighbourGraph.nearest(vectors, java.util.Arrays.stream(kList).max().orElse(10), 2);
    System.out.printf(Locale.ROOT, "neighbours in %d ms%n", (System.nanoTime() - t1) / 1_000_000);
    for (int k : kList) graphs.put(k, nearest.graph(k, sharpen));
    String[] seedRange = System.getProperty("seeds", "1-2").split("-");
    long s0 = Long.parseLong(seedRange[0]);
    long s1 = Long.parseLong(seedRange[seedRange.length - 1]);
    double[] alphas = java.util.Arrays.stream(System.getProperty("alphas", "0.5,0.8,0.9").split(","))
        .mapToDouble(Double::parseDouble).toArray();
    String only = System.getProperty("only", ".*");
    int n = Integer.getInteger("n", 500);
    Map<String, Double> sum = new LinkedHashMap<>();
    for (long seed = s0; seed <= s1; seed++) {
      Sample sample = new Sampler().draw(population, SamplePlan.of(Strategy.STRATIFIED, n, seed));
      boolean[] labelled = new boolean[gold.size()];
      List<TrainingExample> labels = new ArrayList<>();
      for (SampledItem it : sample.items()) {
        int i = index.get(it.record().id());
        labelled[i] = true;
        labels.add(new TrainingExample(scored.get(i), gold.get(i).truth()));
      }
      List<Integer> unl = new ArrayList<>();
      for (int i = 0; i < gold.size(); i++) if (!labelled[i]) unl.add(i);
      LabelTrainedSentiment.Options o = LabelTrainedSentiment.Options.recommended().withSeed(seed);
      Map<String, Double> res = new LinkedHashMap<>();
      long t = System.nanoTime();
      // baseline: the shipped self-training (3 rounds, p >= 0.7, weight 0.3)
      LabelTrainedSentiment self = LabelTrainedSentiment.selfTrain(labels, unl.stream().map(scored::get).toList(),
          0.7, 0.3, 3, o);
      double[][] p = probs(self, scored);
      res.put("self3", f1(p, truth, labelled));
      System.out.printf(Locale.ROOT, "  (self3 in %d ms)%n", (System.nanoTime() - t) / 1_000_000);
      for (var g : graphs.entrySet()) {
        for (double a : alphas) {
          String key = "spread k" + g.getKey() + " a" + a;
          if (!key.matches(only)) continue;
          double[][] f = g.getValue().spread(prior(p, labelled, truth), labelled, a, 20);
          res.put(key, f1(f, truth, labelled));
          res.put(key + " cmn", f1(cmn(f, p, labelled), truth, labelled));
        }
      }
      // pseudo-labels from spread probabilities, final model inductive (what could ship as a file)
      for (String spec : System.getProperty("gself", "20:0.8:0.7:0.3:3").split(",")) {
        if (spec.isEmpty()) continue;
        String[] q = spec.split(":"); // k:alpha:threshold:weight:rounds
        NeighbourGraph g = graphs.get(Integer.parseInt(q[0]));
        double a = Double.parseDouble(q[1]);
        double thr = Double.parseDouble(q[2]);
        double w = Double.parseDouble(q[3]);
        int rounds = Integer.parseInt(q[4]);
        String key = "gself " + spec;
        if (!key.matches(only)) continue;
        t = System.nanoTime();
        LabelTrainedSentiment m = LabelTrainedSentiment.train(labels, o);
        for (int r = 0; r < rounds; r++) {
          double[][] pm0 = probs(m, scored);
          double[][] f = cmn(g.spread(prior(pm0, labelled, truth), labelled, a, 20), pm0, labelled);
          m = trainWithPseudo(labels, scored, labelled, f, thr, w, o);
        }
        double[][] pm = probs(m, scored);
        res.put(key, f1(pm, truth, labelled));
        res.put(key + " +spread", f1(cmn(g.spread(prior(pm, labelled, truth), labelled, a, 20), pm, labelled), truth, labelled));
        System.out.printf(Locale.ROOT, "  (%s in %d ms)%n", key, (System.nanoTime() - t) / 1_000_000);
      }
      // class-balanced quotas: each round, the top share of each predicted class
      for (String spec : System.getProperty("quota", "0.5:0.3:3").split(",")) {
        if (spec.isEmpty()) continue;
        String[] q = spec.split(":"); // share:weight:rounds
        String key = "quota " + spec;
        if (!key.matches(only)) continue;
        double share = Double.parseDouble(q[0]);
        double w = Double.parseDouble(q[1]);
        LabelTrainedSentiment m = LabelTrainedSentiment.train(labels, o);
        for (int r = 0; r < Integer.parseInt(q[2]); r++) {
          m = trainWithQuota(labels, scored, labelled, probs(m, scored), share, w, o);
        }
        res.put(key, f1(probs(m, scored), truth, labelled));
      }
      StringBuilder b = new StringBuilder("seed " + seed + ":");
      res.forEach((k, v) -> b.append(String.format(Locale.ROOT, " | %s %.4f", k, v)));
      System.out.println(b);
      res.forEach((k, v) -> sum.merge(k, v, Double::sum));
    }
    long count = s1 - s0 + 1;
    System.out.println("mean over seeds " + s0 + "-" + s1 + ":");
    sum.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %.4f%n", k, v / count));
  }

  static double[][] probs(LabelTrainedSentiment m, List<ScoredText> xs) {
    double[][] p = new double[xs.size()][];
    for (int i = 0; i < xs.size(); i++) p[i] = m.probabilities(xs.get(i));
    return p;
  }

  static double[][] prior(double[][] p, boolean[] labelled, int[] truth) {
    double[][] y = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      if (labelled[i]) {
        y[i] = new double[K];
        y[i][truth[i]] = 1;
      } else {
        y[i] = p[i].clone();
      }
    }
    return y;
  }

  /** Class mass normalisation (Zhu et al. 2003): rescale each class column to the model's class mass. */
  static double[][] cmn(double[][] f, double[][] p, boolean[] labelled) {
    double[] mf = new double[K];
    double[] mp = new double[K];
    for (int i = 0; i < f.length; i++) {
      if (labelled[i]) continue;
      for (int k = 0; k < K; k++) { mf[k] += f[i][k]; mp[k] += p[i][k]; }
    }
    double[][] out = new double[f.length][K];
    for (int i = 0; i < f.length; i++) {
      double s = 0;
      for (int k = 0; k < K; k++) { out[i][k] = f[i][k] * (mf[k] > 0 ? mp[k] / mf[k] : 1); s += out[i][k]; }
      for (int k = 0; k < K; k++) out[i][k] /= s;
    }
    return out;
  }

  static int argmax(double[] v) {
    int b = 0;
    for (int k = 1; k < v.length; k++) if (v[k] > v[b]) b = k;
    return b;
  }

  static double f1(double[][] p, int[] truth, boolean[] labelled) {
    ConfusionMatrix cm = new ConfusionMatrix();
    SentimentLabel[] ls = SentimentLabel.values();
    for (int i = 0; i < p.length; i++) {
      if (!labelled[i]) cm.add(ls[truth[i]], ls[argmax(p[i])], 1);
    }
    return cm.macroF1();
  }

  static LabelTrainedSentiment trainWithPseudo(List<TrainingExample> labels, List<ScoredText> scored, boolean[] labelled,
      double[][] f, double thr, double w, LabelTrainedSentiment.Options o) {
    List<TrainingExample> all = new ArrayList<>(labels);
    List<Double> ws = new ArrayList<>();
    labels.forEach(e -> ws.add(1.0));
    for (int i = 0; i < scored.size(); i++) {
      if (labelled[i]) continue;
      int c = argmax(f[i]);
      if (f[i][c] >= thr) {
        all.add(new TrainingExample(scored.get(i), SentimentLabel.values()[c]));
        ws.add(w);
      }
    }
    return LabelTrainedSentiment.train(all, ws.stream().mapToDouble(Double::doubleValue).toArray(), o, null);
  }

  static LabelTrainedSentiment trainWithQuota(List<TrainingExample> labels, List<ScoredText> scored, boolean[] labelled,
      double[][] p, double share, double w, LabelTrainedSentiment.Options o) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int k = 0; k < K; k++) byClass.add(new ArrayList<>());
    for (int i = 0; i < scored.size(); i++) if (!labelled[i]) byClass.get(argmax(p[i])).add(i);
    List<TrainingExample> all = new ArrayList<>(labels);
    List<Double> ws = new ArrayList<>();
    labels.forEach(e -> ws.add(1.0));
    for (int k = 0; k < K; k++) {
      List<Integer> members = byClass.get(k);
      int kk = k;
      members.sort((a, b) -> Double.compare(p[b][kk], p[a][kk]));
      for (int m = 0; m < (int) Math.round(members.size() * share); m++) {
        all.add(new TrainingExample(scored.get(members.get(m)), SentimentLabel.values()[k]));
        ws.add(w);
      }
    }
    return LabelTrainedSentiment.train(all, ws.stream().mapToDouble(Double::doubleValue).toArray(), o, null);
  }
}
