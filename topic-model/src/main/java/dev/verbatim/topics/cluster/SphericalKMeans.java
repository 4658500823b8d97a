package dev.verbatim.topics.cluster;

import dev.verbatim.topics.embed.Vectors;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spherical k-means on unit vectors (cosine similarity): k-means++ seeding from a seeded random
 * source, Lloyd iterations until no point moves or the cap is hit, several restarts with the best
 * total similarity kept. The assignment step runs in parallel over points (each point's result
 * is independent, so parallelism cannot change the outcome); centroid sums run sequentially in
 * point order, so the result is deterministic for a given seed. Not thread-safe itself: create one
 * per fit.
 */
final class SphericalKMeans {
  /** Result of one clustering. */
  record Result(int k, int[] assignment, float[] centroids, double objective) {}

  private final float[] x;
  private final int n;
  private final int d;

  SphericalKMeans(float[] x, int n, int d) {
    if (x.length != n * d) throw new IllegalArgumentException("x.length != n*d");
    this.x = x;
    this.n = n;
    this.d = d;
  }

  /** Iterations each restart gets before the best one is run to convergence. */
  static final int TRIAL_ITERATIONS = 5;

  /**
   * Clusters into {@code k} groups: {@code restarts} k-means++ seedings each run {@value
   * #TRIAL_ITERATIONS} iterations, the one with the highest total similarity then runs until fewer
   * than 0.1% of points move or {@code iterations} is reached.
   */
  Result fit(int k, long seed, int restarts, int iterations) {
    return fit(k, seed, restarts, iterations, new float[0]);
  }

  /** As {@link #fit(int, long, int, int)}, with the first {@code fixed.length / d} seeds given (seeded themes). */
  Result fit(int k, long seed, int restarts, int iterations, float[] fixed) {
    if (k < 1 || k > n) throw new IllegalArgumentException("k=" + k + " for n=" + n);
    this.fixed = fixed;
    SplittableRandom seeds = new SplittableRandom(seed);
    float[] bestC = null;
    double bestObj = Double.NEGATIVE_INFINITY;
    int[] assign = new int[n];
    float[] sim = new float[n];
    for (int r = 0; r < restarts; r++) {
      float[] c = seedPlusPlus(k, new SplittableRandom(seeds.nextLong()));
      java.util.Arrays.fill(assign, -1);
      iterate(c, k, assign, sim, restarts == 1 ? iterations : Math.min(iterations, TRIAL_ITERATIONS));
      assignAll(c, k, assign, sim);
      double obj = 0;
      for (int i = 0; i < n; i++) obj += sim[i];
      if (obj > bestObj) {
        bestObj = obj;
        bestC = c;
      }
    }
    return restarts == 1 ? finish(bestC, k, assign, sim) : fitFrom(bestC, k, iterations);
  }

  private Result fitFrom(float[] c, int k, int iterations) {
    int[] assign = new int[n];
    float[] sim = new float[n];
    java.util.Arrays.fill(assign, -1);
    iterate(c, k, assign, sim, iterations);
    return finish(c, k, assign, sim);
  }

  private void iterate(float[] c, int k, int[] assign, float[] sim, int iterations) {
    for (int it = 0; it < iterations; it++) {
      int changed = assignAll(c, k, assign, sim);
      update(c, k, assign, sim);
      if (changed <= n / 1000) break;
    }
  }

  private Result finish(float[] c, int k, int[] assign, float[] sim) {
    assignAll(c, k, assign, sim);
    double obj = 0;
    for (int i = 0; i < n; i++) obj += sim[i];
    return new Result(k, assign, c, obj);
  }

  private float[] fixed = new float[0];

  private float[] seedPlusPlus(int k, SplittableRandom rnd) {
    float[] c = new float[k * d];
    int nf = Math.min(k, fixed.length / d);
    double[] dist = new double[n];
    int start;
    if (nf > 0) {
      System.arraycopy(fixed, 0, c, 0, nf * d);
      java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
      for (int j = 0; j < nf; j++) {
        for (int i = 0; i < n; i++) dist[i] = Math.min(dist[i], Math.max(0, 1 - Vectors.dot(x, i * d, c, j * d, d)));
      }
      start = nf;
    } else {
      int first = rnd.nextInt(n);
      System.arraycopy(x, first * d, c, 0, d);
      for (int i = 0; i < n; i++) dist[i] = Math.max(0, 1 - Vectors.dot(x, i * d, c, 0, d));
      start = 1;
    }
    for (int j = start; j < k; j++) {
      double total = 0;
      for (int i = 0; i < n; i++) total += dist[i];
      int pick;
      if (total <= 0) {
        pick = rnd.nextInt(n);
      } else {
        double r = rnd.nextDouble() * total;
        pick = n - 1;
        for (int i = 0; i < n; i++) {
          r -= dist[i];
          if (r <= 0) {
            pick = i;
            break;
          }
        }
      }
      System.arraycopy(x, pick * d, c, j * d, d);
      final int cj = j;
      for (int i = 0; i < n; i++) {
        double dd = Math.max(0, 1 - Vectors.dot(x, i * d, c, cj * d, d));
        if (dd < dist[i]) dist[i] = dd;
      }
    }
    return c;
  }

  /** Assigns each point to its most similar centroid; returns how many points changed. */
  int assignAll(float[] c, int k, int[] assign, float[] sim) {
    return IntStream.range(0, n)
        .parallel()
        .map(
            i -> {
              int best = 0;
              float bs = Float.NEGATIVE_INFINITY;
              int off = i * d;
              for (int j = 0; j < k; j++) {
                float s = Vectors.dot(x, off, c, j * d, d);
                if (s > bs) {
                  bs = s;
                  best = j;
                }
              }
              sim[i] = bs;
              int was = assign[i];
              assign[i] = best;
              return was == best ? 0 : 1;
            })
        .sum();
  }

  private void update(float[] c, int k, int[] assign, float[] sim) {
    double[] sum = new double[k * d];
    int[] count = new int[k];
    for (int i = 0; i < n; i++) {
      int a = assign[i];
      count[a]++;
      int off = i * d;
      int co = a * d;
      for (int t = 0; t < d; t++) sum[co + t] += x[off + t];
    }
    boolean[] taken = new boolean[n];
    for (int j = 0; j < k; j++) {
      if (count[j] == 0) {
        // Empty cluster: move it to the point that fits its own centroid worst (deterministic).
        int worst = -1;
        float ws = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && sim[i] < ws) {
            ws = sim[i];
            worst = i;
          }
        }
        taken[worst] = true;
        System.arraycopy(x, worst * d, c, j * d, d);
        continue;
      }
      for (int t = 0; t < d; t++) c[j * d + t] = (float) sum[j * d + t];
      Vectors.normalize(c, j * d, d);
    }
  }
}
