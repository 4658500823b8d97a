package dev.verbatim.trends.stats;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Relative risk of an outcome for exposed versus unexposed accounts, crude and stratified.
 *
 * <ul>
 *   <li>Crude: {@code RR = [a/(a+b)] / [c/(c+d)]}; 95% interval {@code exp(ln RR ± 1.96·SE)} with
 *       Katz's {@code SE = sqrt(1/a − 1/(a+b) + 1/c − 1/(c+d))}; when a cell is 0, 0.5 is added to
 *       every cell first (Haldane); p-value from Fisher's exact test (two-sided).
 *   <li>Stratified (Mantel-Haenszel, per segment {@code i}, {@code N_i} accounts): {@code RR_MH =
 *       Σ a_i(c_i+d_i)/N_i / Σ c_i(a_i+b_i)/N_i}; Greenland-Robins variance {@code Var(ln RR_MH) =
 *       Σ [(a_i+b_i)(c_i+d_i)(a_i+c_i) − a_i c_i N_i]/N_i² / (Σ a_i(c_i+d_i)/N_i · Σ
 *       c_i(a_i+b_i)/N_i)}; p-value from the Cochran-Mantel-Haenszel test with continuity
 *       correction, {@code X² = (|Σ a_i − Σ E_i| − 0.5)² / Σ V_i}, {@code E_i = (a_i+b_i)(a_i+c_i)/N_i},
 *       {@code V_i = (a_i+b_i)(c_i+d_i)(a_i+c_i)(b_i+d_i) / (N_i²(N_i−1))}, on 1 degree of freedom.
 *       Strata with fewer than 2 accounts carry no information and are skipped.
 * </ul>
 *
 * <p>Pure functions; thread-safe.
 */
public final class RelativeRisk {
  private static final double Z95 = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

  private RelativeRisk() {}

  /** The crude relative risk of {@code t} with Katz's 95% interval and Fisher's exact p-value. */
  public static Interval crude(TwoByTwo t) {
    if (t.exposed() == 0 || t.unexposed() == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    double a = t.a(), b = t.b(), c = t.c(), d = t.d();
    if (a == 0 || b == 0 || c == 0 || d == 0) {
      a += 0.5;
      b += 0.5;
      c += 0.5;
      d += 0.5;
    }
    double rr = (a / (a + b)) / (c / (c + d));
    double se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
    double p =
        FisherExactTest.withDefaults()
            .test(new int[][] {{(int) t.a(), (int) t.b()}, {(int) t.c(), (int) t.d()}})
            .getPValue();
    return new Interval(rr, rr * Math.exp(-Z95 * se), rr * Math.exp(Z95 * se), p);
  }

  /**
   * The Mantel-Haenszel relative risk over {@code strata} with the Greenland-Robins 95% interval
   * and the Cochran-Mantel-Haenszel p-value; all NaN when no stratum has both exposed and
   * unexposed accounts. The estimate is 0 or infinite when no exposed or no unexposed account had
   * the outcome (then the interval is open on that side).
   */
  public static Interval mantelHaenszel(List<TwoByTwo> strata) {
    double num = 0, den = 0, grVar = 0, sumA = 0, sumE = 0, sumV = 0;
    boolean informative = false;
    for (TwoByTwo s : strata) {
      double n = s.total();
      if (n < 2 || s.exposed() == 0 || s.unexposed() == 0) continue;
      informative = true;
      double a = s.a(), c = s.c(), n1 = s.exposed(), n0 = s.unexposed();
      double m1 = a + c, m0 = s.b() + s.d();
      num += a * n0 / n;
      den += c * n1 / n;
      grVar += (n1 * n0 * m1 - a * c * n) / (n * n);
      sumA += a;
      sumE += n1 * m1 / n;
      sumV += n1 * n0 * m1 * m0 / (n * n * (n - 1));
    }
    if (!informative) return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    double rr = num / den;
    double p;
    if (sumV == 0) {
      p = 1;
    } else {
      double dev = Math.max(0, Math.abs(sumA - sumE) - 0.5);
      p = ChiSquaredDistribution.of(1).survivalProbability(dev * dev / sumV);
    }
    if (num == 0 || den == 0) {
      return new Interval(rr, num == 0 ? 0 : Double.NaN, den == 0 ? Double.POSITIVE_INFINITY : Double.NaN, p);
    }
    double se = Math.sqrt(grVar / (num * den));
    return new Interval(rr, rr * Math.exp(-Z95 * se), rr * Math.exp(Z95 * se), p);
  }
}
