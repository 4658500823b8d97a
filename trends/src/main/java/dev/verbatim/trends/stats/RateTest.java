package dev.verbatim.trends.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Is a count higher than a baseline, given the volume behind each? The exact conditional test of
 * two Poisson rates: with {@code x} events out of volume {@code n} now and {@code x0} out of
 * {@code n0} in the baseline, under equal rates {@code x | x + x0 ~ Binomial(x + x0, n/(n + n0))};
 * the one-sided p-value is {@code P(X >= x)} (exact binomial test from Commons Statistics).
 * Accounting for volume this way means a busy week with proportionally more mentions is not an
 * alarm, and a quiet week needs a larger jump.
 */
public final class RateTest {
  private RateTest() {}

  /** One-sided p-value that the rate {@code x/n} exceeds the baseline rate {@code x0/n0}. */
  public static double greater(long x, long n, long x0, long n0) {
    if (n <= 0 || n0 <= 0) throw new IllegalArgumentException("volumes must be > 0: " + n + ", " + n0);
    if (x + x0 == 0) return 1;
    double share = (double) n / (n + n0);
    return BinomialTest.withDefaults()
        .with(AlternativeHypothesis.GREATER_THAN)
        .test(Math.toIntExact(x + x0), Math.toIntExact(x), share)
        .getPValue();
  }

  /** The rate ratio {@code (x/n) / (x0/n0)}; infinite when the baseline had none. */
  public static double ratio(long x, long n, long x0, long n0) {
    if (x0 == 0) return x == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
    return ((double) x / n) / ((double) x0 / n0);
  }
}
