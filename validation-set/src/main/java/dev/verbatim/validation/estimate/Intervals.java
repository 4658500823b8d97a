package dev.verbatim.validation.estimate;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Interval formulas. */
public final class Intervals {
  private static final NormalDistribution NORMAL = new NormalDistribution();

  private Intervals() {}

  /** The two-sided standard normal quantile for a confidence level (1.96 for 0.95). */
  public static double z(double confidence) {
    return NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /**
   * The Wilson score interval for a proportion p observed on n (possibly an effective, fractional n).
   * Well behaved near 0 and 1 and for small n, unlike the Wald interval. Empty data gives [0, 1].
   */
  public static Interval wilson(double p, double n, double confidence) {
    if (!(n > 0)) {
      return new Interval(Double.NaN, 0, 1);
    }
    double z = z(confidence);
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The Wilson interval for k successes out of n. */
  public static Interval wilson(long k, long n, double confidence) {
    return wilson(n == 0 ? 0 : (double) k / n, (double) n, confidence);
  }
}
