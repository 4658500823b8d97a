package dev.verbatim.topics.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement between two labellings of the same items: normalized mutual information (arithmetic
 * mean normalisation, as scikit-learn's default: {@code MI / ((H(a) + H(b)) / 2)}) and the
 * adjusted Rand index (Hubert and Arabie 1985). Stateless.
 */
public final class ClusterAgreement {
  private ClusterAgreement() {}

  /** Returns NMI in [0, 1]; 1 when both labellings have a single class each. */
  public static <A, B> double nmi(List<A> a, List<B> b) {
    Table t = Table.of(a, b);
    double n = t.n;
    double ha = entropy(t.rows, n);
    double hb = entropy(t.cols, n);
    if (ha == 0 && hb == 0) return 1.0;
    double mi = 0;
    for (Map.Entry<Long, Integer> e : t.cells.entrySet()) {
      int i = (int) (e.getKey() >>> 32);
      int j = (int) (long) e.getKey();
      double nij = e.getValue();
      mi += nij / n * Math.log(n * nij / ((double) t.rows[i] * t.cols[j]));
    }
    double den = (ha + hb) / 2;
    return den == 0 ? 0 : Math.max(0, Math.min(1, mi / den));
  }

  /** Returns the adjusted Rand index: 1 for identical partitions, about 0 for chance agreement. */
  public static <A, B> double ari(List<A> a, List<B> b) {
    Table t = Table.of(a, b);
    double sumCells = 0;
    for (int v : t.cells.values()) sumCells += comb2(v);
    double sumRows = 0;
    for (int v : t.rows) sumRows += comb2(v);
    double sumCols = 0;
    for (int v : t.cols) sumCols += comb2(v);
    double total = comb2(t.n);
    if (total == 0) return 1.0;
    double expected = sumRows * sumCols / total;
    double max = (sumRows + sumCols) / 2;
    if (max == expected) return 1.0;
    return (sumCells - expected) / (max - expected);
  }

  private static double comb2(double x) {
    return x * (x - 1) / 2;
  }

  private static double entropy(int[] counts, double n) {
    double h = 0;
    for (int c : counts) if (c > 0) h -= c / n * Math.log(c / n);
    return h;
  }

  private record Table(int n, int[] rows, int[] cols, Map<Long, Integer> cells) {
    static <A, B> Table of(List<A> a, List<B> b) {
      if (a.size() != b.size()) throw new IllegalArgumentException(a.size() + " labels vs " + b.size());
      Map<A, Integer> ia = new HashMap<>();
      Map<B, Integer> ib = new HashMap<>();
      Map<Long, Integer> cells = new HashMap<>();
      for (int x = 0; x < a.size(); x++) {
        int i = ia.computeIfAbsent(a.get(x), z -> ia.size());
        int j = ib.computeIfAbsent(b.get(x), z -> ib.size());
        cells.merge(((long) i << 32) | (j & 0xffffffffL), 1, Integer::sum);
      }
      int[] rows = new int[ia.size()];
      int[] cols = new int[ib.size()];
      for (Map.Entry<Long, Integer> e : cells.entrySet()) {
        rows[(int) (e.getKey() >>> 32)] += e.getValue();
        cols[(int) (long) e.getKey()] += e.getValue();
      }
      return new Table(a.size(), rows, cols, cells);
    }
  }
}
