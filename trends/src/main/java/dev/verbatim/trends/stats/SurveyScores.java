package dev.verbatim.trends.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * Survey scores with 95% intervals, and the difference between respondents who raised a topic and
 * those who did not (the key-driver view). The formulas, as the report states them:
 *
 * <ul>
 *   <li>NPS (0-10) {@code = 100 · (P − D) / n}, P promoters (9-10), D detractors (0-6); interval
 *       {@code NPS ± 1.96 · 100 · sqrt((p_P + p_D − (p_P − p_D)²) / n)}. Difference of two NPS:
 *       {@code ± 1.96 · sqrt(Var_1 + Var_0)}, two-sided z-test.
 *   <li>CSAT (1-5) {@code = 100 · (ratings 4 or 5) / n}; Wilson score interval. Difference: Wald
 *       interval of the difference of proportions, Fisher's exact test.
 *   <li>CES (1-7) {@code = mean}; interval {@code mean ± t(n−1) · s / sqrt(n)}. Difference: Welch's
 *       t-test and interval.
 * </ul>
 */
public final class SurveyScores {
  private static final double Z95 = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

  private SurveyScores() {}

  /** NPS in points (-100..100) with its interval; p-value NaN. NaN when {@code n = 0}. */
  public static Interval nps(long promoters, long detractors, long n) {
    if (n == 0) return nan();
    double pp = (double) promoters / n, pd = (double) detractors / n;
    double nps = 100 * (pp - pd);
    double half = Z95 * 100 * Math.sqrt(npsVar(pp, pd, n));
    return new Interval(nps, nps - half, nps + half, Double.NaN);
  }

  /** NPS of group 1 minus NPS of group 0, in points, with its interval and z-test p-value. */
  public static Interval npsDifference(long p1, long d1, long n1, long p0, long d0, long n0) {
    if (n1 == 0 || n0 == 0) return nan();
    double a = (double) p1 / n1 - (double) d1 / n1, b = (double) p0 / n0 - (double) d0 / n0;
    double se = Math.sqrt(npsVar((double) p1 / n1, (double) d1 / n1, n1) + npsVar((double) p0 / n0, (double) d0 / n0, n0));
    double diff = 100 * (a - b);
    double p = se == 0 ? (a == b ? 1 : 0) : 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(a - b) / se);
    return new Interval(diff, diff - Z95 * 100 * se, diff + Z95 * 100 * se, p);
  }

  private static double npsVar(double pp, double pd, long n) {
    return (pp + pd - (pp - pd) * (pp - pd)) / n;
  }

  /** CSAT in percent with the Wilson score interval; NaN when {@code n = 0}. */
  public static Interval csat(long satisfied, long n) {
    if (n == 0) return nan();
    double p = (double) satisfied / n, z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Interval(100 * p, 100 * (centre - half), 100 * (centre + half), Double.NaN);
  }

  /** CSAT of group 1 minus group 0 in points, Wald interval, Fisher's exact p-value. */
  public static Interval csatDifference(long s1, long n1, long s0, long n0) {
    if (n1 == 0 || n0 == 0) return nan();
    double a = (double) s1 / n1, b = (double) s0 / n0;
    double se = Math.sqrt(a * (1 - a) / n1 + b * (1 - b) / n0);
    double p =
        FisherExactTest.withDefaults()
            .test(new int[][] {{(int) s1, (int) (n1 - s1)}, {(int) s0, (int) (n0 - s0)}})
            .getPValue();
    double diff = 100 * (a - b);
    return new Interval(diff, diff - Z95 * 100 * se, diff + Z95 * 100 * se, p);
  }

  /** CES mean with its t interval; NaN when {@code n = 0}, no interval when {@code n = 1}. */
  public static Interval ces(double sum, double sumSquares, long n) {
    if (n == 0) return nan();
    double mean = sum / n;
    if (n == 1) return new Interval(mean, Double.NaN, Double.NaN, Double.NaN);
    double sd = Math.sqrt(variance(sum, sumSquares, n));
    double half = TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * sd / Math.sqrt(n);
    return new Interval(mean, mean - half, mean + half, Double.NaN);
  }

  /** CES mean of group 1 minus group 0, Welch interval and two-sided Welch t-test p-value. */
  public static Interval cesDifference(double sum1, double sq1, long n1, double sum0, double sq0, long n0) {
    if (n1 < 2 || n0 < 2) return nan();
    double m1 = sum1 / n1, m0 = sum0 / n0, v1 = variance(sum1, sq1, n1), v0 = variance(sum0, sq0, n0);
    double diff = m1 - m0;
    double se2 = v1 / n1 + v0 / n0;
    if (se2 == 0) return new Interval(diff, diff, diff, diff == 0 ? 1 : 0);
    double df = se2 * se2 / ((v1 / n1) * (v1 / n1) / (n1 - 1) + (v0 / n0) * (v0 / n0) / (n0 - 1));
    double half = TDistribution.of(df).inverseSurvivalProbability(0.025) * Math.sqrt(se2);
    double p = TTest.withDefaults().test(m1, v1, n1, m0, v0, n0).getPValue();
    return new Interval(diff, diff - half, diff + half, p);
  }

  private static double variance(double sum, double sumSquares, long n) {
    return Math.max(0, (sumSquares - sum * sum / n) / (n - 1));
  }

  private static Interval nan() {
    return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
