package dev.verbatim.validation.learn;

import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.ScoredText;
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
 * Simulations only: how the sentence vectors are presented to the learner — raw unit vectors,
 * centred on the population's mean (re-normalised), or standardised per dimension with the
 * population's mean and spread — for one encoder's cached vectors or several concatenated.
 * Properties: caches (comma-separated cache files written by CachedEncoder, e.g. by GoldSimulation
 * with -Dverbatim.sim.embcache=FILE -Dverbatim.sim.encoder=minilm|bge-small|e5), transforms
 * (raw,center,z), scales, seeds (from-to), self (threshold:weight:rounds), cotrain
 * (threshold:weight:rounds, words view vs embedding view).
 */
public final class EmbeddingExperiment {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/gold/airline.jsonl");
    List<GoldSimulation.Gold> gold = GoldSimulation.read(file);
    ShippedScorer base = new ShippedScorer();
    List<PopulationRecord> population = new ArrayList<>();
    List<ScoredText> scored = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < gold.size(); i++) {
      GoldSimulation.Gold g = gold.get(i);
      ScoredText s = base.apply(g.text());
      scored.add(s);
      index.put(g.id(), i);
      population.add(GoldSimulation.asPopulation(g, s));
    }
    List<Map<String, float[]>> caches = new ArrayList<>();
    for (String c : System.getProperty("caches", "/tmp/vl/minilm.bin").split(",")) caches.add(CachedEncoder.read(Path.of(c)));
    Map<String, float[]> raw = new HashMap<>();
    for (GoldSimulation.Gold g : gold) {
      List<float[]> parts = new ArrayList<>();
      int d = 0;
      for (Map<String, float[]> c : caches) {
        float[] v = c.get(cut(g.text()));
        if (v == null) throw new IllegalStateException("text not in cache");
        parts.add(v);
        d += v.length;
      }
      float[] cat = new float[d];
      int o = 0;
      for (float[] v : parts) {
        for (float x : v) cat[o++] = (float) (x / Math.sqrt(parts.size()));
      }
      raw.put(cut(g.text()), cat);
    }
    String[] seedRange = System.getProperty("seeds", "1-2").split("-");
    long s0 = Long.parseLong(seedRange[0]);
    long s1 = Long.parseLong(seedRange[seedRange.length - 1]);
    String[] self = System.getProperty("self", "0.7:0.3:3").split(":");
    Map<String, Double> sum = new LinkedHashMap<>();
    for (String transform : System.getProperty("transforms", "raw,center,z").split(",")) {
      Map<String, float[]> t = transform(raw, transform);
      for (String sc : System.getProperty("scales", "2").split(",")) {
        TextEmbeddings.useShared(new TextEmbeddings(new MapEncoder(t)));
        for (long seed = s0; seed <= s1; seed++) {
          Sample sample = new Sampler().draw(population, SamplePlan.of(Strategy.STRATIFIED, 500, seed));
          boolean[] labelled = new boolean[gold.size()];
          int[] truth = new int[gold.size()];
          List<TrainingExample> labels = new ArrayList<>();
          for (int i = 0; i < gold.size(); i++) truth[i] = gold.get(i).truth().ordinal();
          for (SampledItem it : sample.items()) {
            int i = index.get(it.record().id());
            labelled[i] = true;
            labels.add(new TrainingExample(scored.get(i), gold.get(i).truth()));
          }
          List<ScoredText> unl = new ArrayList<>();
          for (int i = 0; i < gold.size(); i++) if (!labelled[i]) unl.add(scored.get(i));
          LabelTrainedSentiment.Options o = LabelTrainedSentiment.Options.recommended().withCentering(false) // done above
              .withEmbeddings(true, Double.parseDouble(sc)).withSeed(seed);
          LabelTrainedSentiment plain = LabelTrainedSentiment.train(labels, o);
          LabelTrainedSentiment st = LabelTrainedSentiment.selfTrain(labels, unl, Double.parseDouble(self[0]),
              Double.parseDouble(self[1]), Integer.parseInt(self[2]), o);
          double a = GraphExperiment.f1(GraphExperiment.probs(plain, scored), truth, labelled);
          double b = GraphExperiment.f1(GraphExperiment.probs(st, scored), truth, labelled);
          System.out.printf(Locale.ROOT, "%s scale %s seed %d: plain %.4f self %.4f%n", transform, sc, seed, a, b);
          for (String ct : System.getProperty("cotrain", "").split(",")) {
            if (ct.isEmpty()) continue;
            String[] q = ct.split(":");
            double[] r = cotrain(labels, scored, labelled, truth, o, Double.parseDouble(q[0]), Double.parseDouble(q[1]),
                Integer.parseInt(q[2]));
            System.out.printf(Locale.ROOT, "  cotrain %s seed %d: full %.4f avg-views %.4f%n", ct, seed, r[0], r[1]);
            sum.merge(transform + " scale " + sc + " cotrain " + ct + " full", r[0] / (s1 - s0 + 1), Double::sum);
            sum.merge(transform + " scale " + sc + " cotrain " + ct + " views", r[1] / (s1 - s0 + 1), Double::sum);
          }
          sum.merge(transform + " scale " + sc + " plain", a / (s1 - s0 + 1), Double::sum);
          sum.merge(transform + " scale " + sc + " self", b / (s1 - s0 + 1), Double::sum);
        }
      }
    }
    System.out.println("mean over seeds " + s0 + "-" + s1 + " (" + System.getProperty("caches") + "):");
    sum.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-30s %.4f%n", k, v));
  }

  /**
   * Co-training: a words view (words + base) and an embedding view (embedding + base) pseudo-label
   * the unlabelled texts where both agree with mean probability >= thr; each round both retrain on
   * labels + those pseudo-labels; finally the full model trains on the last agreement set.
   */
  static double[] cotrain(List<TrainingExample> labels, List<ScoredText> scored, boolean[] labelled, int[] truth,
      LabelTrainedSentiment.Options o, double thr, double w, int rounds) {
    LabelTrainedSentiment.Options words = o.withEmbeddings(false, 0);
    LabelTrainedSentiment.Options emb = o.withTextFeatures(false);
    LabelTrainedSentiment a = LabelTrainedSentiment.train(labels, words);
    LabelTrainedSentiment b = LabelTrainedSentiment.train(labels, emb);
    List<TrainingExample> all = labels;
    double[] ws = null;
    for (int r = 0; r < rounds; r++) {
      all = new ArrayList<>(labels);
      List<Double> wl = new ArrayList<>();
      labels.forEach(e -> wl.add(1.0));
      for (int i = 0; i < scored.size(); i++) {
        if (labelled[i]) continue;
        double[] pa = a.probabilities(scored.get(i));
        double[] pb = b.probabilities(scored.get(i));
        int ca = GraphExperiment.argmax(pa);
        int cb = GraphExperiment.argmax(pb);
        if (ca == cb && (pa[ca] + pb[cb]) / 2 >= thr) {
          all.add(new TrainingExample(scored.get(i), dev.verbatim.validation.SentimentLabel.values()[ca]));
          wl.add(w);
        }
      }
      ws = wl.stream().mapToDouble(Double::doubleValue).toArray();
      a = LabelTrainedSentiment.train(all, ws, words, null);
      b = LabelTrainedSentiment.train(all, ws, emb, null);
    }
    LabelTrainedSentiment full = LabelTrainedSentiment.train(all, ws, o, null);
    double[][] pv = new double[scored.size()][3];
    for (int i = 0; i < scored.size(); i++) {
      double[] pa = a.probabilities(scored.get(i));
      double[] pb = b.probabilities(scored.get(i));
      for (int k = 0; k < 3; k++) pv[i][k] = pa[k] + pb[k];
    }
    return new double[] {GraphExperiment.f1(GraphExperiment.probs(full, scored), truth, labelled),
        GraphExperiment.f1(pv, truth, labelled)};
  }

  static String cut(String text) {
    return text.length() > TextEmbeddings.MAX_CHARS ? text.substring(0, TextEmbeddings.MAX_CHARS) : text;
  }

  static Map<String, float[]> transform(Map<String, float[]> raw, String how) {
    if (how.equals("raw")) return raw;
    int d = raw.values().iterator().next().length;
    double[] mean = new double[d];
    double[] sq = new double[d];
    for (float[] v : raw.values()) for (int i = 0; i < d; i++) { mean[i] += v[i]; sq[i] += v[i] * v[i]; }
    int n = raw.size();
    double[] sd = new double[d];
    for (int i = 0; i < d; i++) { mean[i] /= n; sd[i] = Math.sqrt(Math.max(1e-12, sq[i] / n - mean[i] * mean[i])); }
    Map<String, float[]> out = new HashMap<>();
    for (var e : raw.entrySet()) {
      float[] v = e.getValue();
      float[] w = new float[d];
      double norm = 0;
      for (int i = 0; i < d; i++) {
        double x = how.equals("z") ? (v[i] - mean[i]) / sd[i] / Math.sqrt(d) : v[i] - mean[i];
        w[i] = (float) x;
        norm += x * x;
      }
      if (how.equals("center")) {
        for (int i = 0; i < d; i++) w[i] = (float) (w[i] / Math.sqrt(norm));
      }
      out.put(e.getKey(), w);
    }
    return out;
  }



  record MapEncoder(Map<String, float[]> vectors) implements SentenceEncoder {
    @Override
    public List<float[]> encode(List<String> texts) {
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        float[] v = vectors.get(t);
        if (v == null) throw new IllegalStateException("text not cached");
        out.add(v);
      }
      return out;
    }

    @Override
    public int dimension() {
      return vectors.values().iterator().next().length;
    }

    @Override
    public String id() {
      return "map";
    }
  }
}
