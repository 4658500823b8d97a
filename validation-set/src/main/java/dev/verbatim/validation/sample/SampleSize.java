package dev.verbatim.validation.sample;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Sample sizes from the interval half-width a user asks for. */
public final class SampleSize {
  private SampleSize() {}

  /**
   * The number of labels for a proportion's interval of half-width {@code margin} at the given
   * confidence, in the worst case p = 0.5, with the finite-population correction: n0 = z^2/4m^2,
   * n = n0 / (1 + (n0 - 1) / N). E.g. margin 0.05 at 95% needs 385 for a large population.
   *
   * @param margin half-width of the interval, in (0, 0.5]
   * @param confidence e.g. 0.95
   * @param populationSize N; 0 or less for an infinite population
   */
  public static int forMargin(double margin, double confidence, long populationSize) {
    if (!(margin > 0 && margin <= 0.5)) {
      throw new IllegalArgumentException("margin must be in (0, 0.5], got " + margin);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double n0 = z * z * 0.25 / (margin * margin);
    double n = populationSize > 0 ? n0 / (1 + (n0 - 1) / populationSize) : n0;
    int size = (int) Math.ceil(n - 1e-9);
    return populationSize > 0 ? (int) Math.min(size, populationSize) : size;
  }

  /** {@link #forMargin(double, double, long)} at 95% confidence. */
  public static int forMargin(double margin, long populationSize) {
    return forMargin(margin, 0.95, populationSize);
  }
}
