package dev.verbatim.validation.estimate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.SentimentLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Accuracy and macro-F1 with intervals, post-stratified to the population when stratum sizes are
 * given. Thread-safe.
 *
 * <p>Accuracy: p = sum_h W_h p_h over strata with labels (W_h = N_h / sum N, renormalized over the
 * strata that have labels), variance sum_h W_h^2 s_h^2 / n_h (1 - n_h / N_h) with s_h^2 = n_h p_h
 * (1 - p_h) / (n_h - 1); the interval is Wilson's on the effective sample size p (1 - p) / var
 * (Korn and Graubard 1998), which stays inside [0, 1] and behaves near 100%. Macro-F1 has no closed
 * form: its interval is the percentile interval of a stratified bootstrap (resampling within each
 * stratum), seeded.
 */
public final class Estimator {
  private final double confidence;
  private final int replicates;
  private final long seed;

  /**
   * @param confidence interval level, e.g. 0.95
   * @param replicates bootstrap replicates for macro-F1, e.g. 1000
   * @param seed bootstrap seed
   */
  public Estimator(double confidence, int replicates, long seed) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (replicates < 10) {
      throw new IllegalArgumentException("at least 10 bootstrap replicates, got " + replicates);
    }
    this.confidence = confidence;
    this.replicates = replicates;
    this.seed = seed;
  }

  /** 95%, 1000 replicates, seed 1. */
  public static Estimator defaults() {
    return new Estimator(0.95, 1000, 1);
  }

  /**
   * Estimates from observations.
   *
   * @param observations labelled items
   * @param stratumSizes population size of each stratum, to weight back to the population; null to
   *     describe the sample only (every observation weighs 1)
   */
  public SentimentEstimate estimate(List<Observation> observations, @Nullable Map<String, Integer> stratumSizes) {
    requireNonNull(observations, "observations");
    Map<String, List<Observation>> byStratum = new TreeMap<>();
    for (Observation o : observations) {
      byStratum.computeIfAbsent(stratumSizes == null ? "all" : o.stratum(), k -> new ArrayList<>()).add(o);
    }
    List<String> keys = new ArrayList<>(byStratum.keySet());
    double[] share = new double[keys.size()];
    double total = 0;
    for (int h = 0; h < keys.size(); h++) {
      int size = stratumSizes == null ? byStratum.get(keys.get(h)).size()
          : stratumSizes.getOrDefault(keys.get(h), byStratum.get(keys.get(h)).size());
      share[h] = size;
      total += size;
    }
    double[] popSize = share.clone();
    for (int h = 0; h < share.length; h++) {
      share[h] /= total;
    }

    // Accuracy, post-stratified.
    double p = 0;
    double var = 0;
    for (int h = 0; h < keys.size(); h++) {
      List<Observation> obs = byStratum.get(keys.get(h));
      int n = obs.size();
      double ph = obs.stream().filter(Observation::correct).count() / (double) n;
      p += share[h] * ph;
      if (n > 1) {
        double s2 = n * ph * (1 - ph) / (n - 1);
        double fpc = stratumSizes == null ? 1 : Math.max(0, 1 - n / popSize[h]);
        var += share[h] * share[h] * s2 / n * fpc;
      }
    }
    p = Math.min(1, Math.max(0, p)); // the shares' sum can round to 1 + 2e-16
    int n = observations.size();
    // Sample scope is a plain proportion: Wilson on n. Population scope: Wilson on the effective n.
    double nEff = stratumSizes == null || var <= 0 ? n : p * (1 - p) / var;
    Interval accuracy = n == 0 ? new Interval(Double.NaN, 0, 1) : Intervals.wilson(p, nEff, confidence);

    // Weighted confusion matrix and macro-F1 with a stratified bootstrap.
    ConfusionMatrix cm = confusion(byStratum, keys, share, null);
    double f1 = cm.macroF1();
    Interval macro;
    if (n == 0) {
      macro = new Interval(Double.NaN, 0, 1);
    } else {
      Random rng = new Random(seed);
      double[] reps = new double[replicates];
      for (int b = 0; b < replicates; b++) {
        reps[b] = confusion(byStratum, keys, share, rng).macroF1();
      }
      Arrays.sort(reps);
      double alpha = (1 - confidence) / 2;
      macro = new Interval(f1, reps[(int) Math.floor(alpha * (replicates - 1))],
          reps[(int) Math.ceil((1 - alpha) * (replicates - 1))]);
    }
    Map<String, ClassScores> perClass = new TreeMap<>();
    for (SentimentLabel l : SentimentLabel.values()) {
      double support = 0;
      for (SentimentLabel q : SentimentLabel.values()) {
        support += cm.get(l, q);
      }
      perClass.put(l.wire(), new ClassScores(cm.precision(l), cm.recall(l), cm.f1(l),
          support * total));
    }
    double scale = total; // weights sum to 1: back to counts (population or sample)
    List<List<Double>> rows = new ArrayList<>();
    for (List<Double> row : cm.rows()) {
      rows.add(row.stream().map(v -> v * scale).toList());
    }
    return new SentimentEstimate(n, stratumSizes == null ? "sample" : "population", accuracy, macro,
        perClass, rows);
  }

  /** The weighted confusion matrix (weights sum to 1); resampled within strata when rng is given. */
  private static ConfusionMatrix confusion(
      Map<String, List<Observation>> byStratum, List<String> keys, double[] share, @Nullable Random rng) {
    ConfusionMatrix cm = new ConfusionMatrix();
    for (int h = 0; h < keys.size(); h++) {
      List<Observation> obs = byStratum.get(keys.get(h));
      int n = obs.size();
      double w = share[h] / n;
      for (int i = 0; i < n; i++) {
        Observation o = rng == null ? obs.get(i) : obs.get(rng.nextInt(n));
        cm.add(o.truth(), o.predicted(), w);
      }
    }
    return cm;
  }
}
