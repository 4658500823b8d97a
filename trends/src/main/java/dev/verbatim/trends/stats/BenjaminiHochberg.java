package dev.verbatim.trends.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg false-discovery-rate adjustment: for m p-values sorted ascending, {@code q_(i)
 * = min over j >= i of min(1, m · p_(j) / j)}. Rejecting every test with {@code q < α} keeps the
 * expected share of false discoveries at or below α (for independent or positively dependent
 * tests). NaN p-values (tests that could not be run) are not counted in m and get NaN q-values.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /** The q-values of {@code p}, in the same order. */
  public static double[] adjust(double[] p) {
    Integer[] order =
        java.util.stream.IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    int m = order.length;
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double min = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      min = Math.min(min, p[i] * m / rank);
      q[i] = Math.min(1, min);
    }
    return q;
  }
}
