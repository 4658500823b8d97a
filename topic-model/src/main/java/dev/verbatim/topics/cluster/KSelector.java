package dev.verbatim.topics.cluster;

import dev.verbatim.topics.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the number of topics when none is given. Criterion: the mean cosine silhouette
 * (Rousseeuw 1987) of spherical k-means, computed on a seeded sample of at most {@value #SAMPLE}
 * documents, for K on a geometric grid over {@code [min, max]} (capped at n / 5); the K with the
 * highest silhouette wins, ties to the smaller K. Cost: one m×m similarity matrix plus one small
 * k-means per candidate; about a second for m = 2000.
 */
final class KSelector {
  static final int SAMPLE = 2000;

  /** One candidate's score. */
  record Score(int k, double silhouette) {}

  /** The choice and the scores behind it. */
  record Choice(int k, List<Score> scores) {}

  private KSelector() {}

  static List<Integer> grid(int min, int max) {
    List<Integer> ks = new ArrayList<>();
    double k = min;
    while (k <= max) {
      int ik = (int) Math.round(k);
      if (ks.isEmpty() || ks.get(ks.size() - 1) != ik) ks.add(ik);
      k *= 1.25;
    }
    if (ks.get(ks.size() - 1) != max) ks.add(max);
    return ks;
  }

  static Choice choose(float[] x, int n, int d, int min, int max, long seed) {
    int hi = Math.min(max, Math.max(min, n / 5));
    int lo = Math.min(min, hi);
    if (n <= 2 || hi <= 1) return new Choice(Math.max(1, Math.min(n, lo)), List.of());
    // seeded sample without replacement (partial Fisher-Yates), kept in index order
    int m = Math.min(n, SAMPLE);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < m; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] pick = java.util.Arrays.copyOf(idx, m);
    java.util.Arrays.sort(pick);
    float[] s = new float[m * d];
    for (int i = 0; i < m; i++) System.arraycopy(x, pick[i] * d, s, i * d, d);
    float[] sim = new float[m * m];
    java.util.stream.IntStream.range(0, m)
        .parallel()
        .forEach(
            i -> {
              for (int j = 0; j < m; j++) sim[i * m + j] = Vectors.dot(s, i * d, s, j * d, d);
            });
    SphericalKMeans km = new SphericalKMeans(s, m, d);
    List<Score> scores = new ArrayList<>();
    int bestK = lo;
    double best = Double.NEGATIVE_INFINITY;
    for (int k : grid(lo, hi)) {
      if (k >= m) break;
      SphericalKMeans.Result r = km.fit(k, seed + k, 1, 30);
      double sil = silhouette(sim, m, r.assignment(), k);
      scores.add(new Score(k, sil));
      if (sil > best + 1e-9) {
        best = sil;
        bestK = k;
      }
    }
    return new Choice(bestK, List.copyOf(scores));
  }

  /** Mean silhouette with distance 1 - cosine; a point alone in its cluster scores 0. */
  static double silhouette(float[] sim, int m, int[] a, int k) {
    int[] size = new int[k];
    for (int i = 0; i < m; i++) size[a[i]]++;
    double total = 0;
    double[] sumDist = new double[k];
    for (int i = 0; i < m; i++) {
      java.util.Arrays.fill(sumDist, 0);
      for (int j = 0; j < m; j++) if (j != i) sumDist[a[j]] += 1 - sim[i * m + j];
      int own = a[i];
      if (size[own] <= 1) continue;
      double ai = sumDist[own] / (size[own] - 1);
      double bi = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) if (c != own && size[c] > 0) bi = Math.min(bi, sumDist[c] / size[c]);
      if (bi == Double.POSITIVE_INFINITY) continue;
      double den = Math.max(ai, bi);
      total += den > 0 ? (bi - ai) / den : 0;
    }
    return total / m;
  }
}
