package dev.verbatim.validation.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agreement between reviewers on nominal labels. */
public final class Agreement {
  private Agreement() {}

  /**
   * Cohen's kappa for two raters: (p_o - p_e) / (1 - p_e), with p_e from each rater's own
   * marginals. Each pair is (rater A's label, rater B's label) for one item. NaN when there are no
   * pairs or chance agreement is 1 (both raters always gave the same single label).
   */
  public static <T> double cohensKappa(List<? extends Map.Entry<T, T>> pairs) {
    int n = pairs.size();
    if (n == 0) {
      return Double.NaN;
    }
    Map<T, Integer> a = new HashMap<>();
    Map<T, Integer> b = new HashMap<>();
    int agree = 0;
    for (Map.Entry<T, T> p : pairs) {
      a.merge(p.getKey(), 1, Integer::sum);
      b.merge(p.getValue(), 1, Integer::sum);
      if (p.getKey().equals(p.getValue())) {
        agree++;
      }
    }
    double po = (double) agree / n;
    double pe = 0;
    for (Map.Entry<T, Integer> e : a.entrySet()) {
      pe += (double) e.getValue() / n * b.getOrDefault(e.getKey(), 0) / n;
    }
    return pe >= 1 ? Double.NaN : (po - pe) / (1 - pe);
  }

  /**
   * Krippendorff's alpha for nominal data, any number of raters and missing values: 1 - D_o / D_e
   * from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
   * Each unit is the list of values it received; units with fewer than two values are not pairable
   * and are ignored. NaN when fewer than two pairable values exist or all values are equal.
   */
  public static <T> double krippendorffAlpha(List<? extends List<T>> units) {
    Set<T> values = new LinkedHashSet<>();
    List<List<T>> pairable = new ArrayList<>();
    for (List<T> u : units) {
      if (u.size() >= 2) {
        pairable.add(u);
        values.addAll(u);
      }
    }
    List<T> vs = new ArrayList<>(values);
    Map<T, Integer> index = new HashMap<>();
    for (int i = 0; i < vs.size(); i++) {
      index.put(vs.get(i), i);
    }
    int k = vs.size();
    double[][] o = new double[k][k];
    for (List<T> u : pairable) {
      int m = u.size();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          if (i != j) {
            o[index.get(u.get(i))][index.get(u.get(j))] += 1.0 / (m - 1);
          }
        }
      }
    }
    double[] nc = new double[k];
    double n = 0;
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < k; d++) {
        nc[c] += o[c][d];
      }
      n += nc[c];
    }
    if (n < 2) {
      return Double.NaN;
    }
    double disagreeObserved = 0;
    double disagreeExpected = 0;
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < k; d++) {
        if (c != d) {
          disagreeObserved += o[c][d];
          disagreeExpected += nc[c] * nc[d];
        }
      }
    }
    if (disagreeExpected == 0) {
      return Double.NaN;
    }
    return 1 - (n - 1) * disagreeObserved / disagreeExpected;
  }
}
