package dev.verbatim.validation.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The k nearest neighbours of every text among a set of texts, by the cosine of their sentence
 * embeddings (exact, brute force in parallel blocks: 20,000 texts take about 20 s on two cores).
 * Used to spread label probabilities to similar texts (label spreading, Zhou et al. 2004): a tweet
 * whose neighbours all complain about lost bags is likely a complaint even when the model that
 * reads it alone is unsure. Simulations only (GraphExperiment): it did not help enough to ship. Immutable.
 */
final class NeighbourGraph {
  private final int[][] neighbours;
  private final float[][] weights; // row-normalised similarity weights

  private NeighbourGraph(int[][] neighbours, float[][] weights) {
    this.neighbours = neighbours;
    this.weights = weights;
  }

  /** How many nodes. */
  int size() {
    return neighbours.length;
  }

  /** The neighbours of node i (most similar first). */
  int[] neighbours(int i) {
    return neighbours[i];
  }

  /**
   * Builds the graph of unit vectors: each node's k most similar other nodes, weighted by their
   * similarity (clipped at 0) to the power {@code sharpen}, normalised per node.
   */
  static NeighbourGraph build(List<float[]> vectors, int k, double sharpen, int threads) {
    return nearest(vectors, k, threads).graph(k, sharpen);
  }

  /** The k nearest neighbours and their similarities, from which graphs of any k' <= k are made. */
  record Nearest(int[][] index, float[][] similarity) {
    /** The graph of the first {@code k} neighbours, weights = similarity^sharpen normalised per node. */
    NeighbourGraph graph(int k, double sharpen) {
      int n = index.length;
      int[][] nb = new int[n][];
      float[][] w = new float[n][];
      for (int i = 0; i < n; i++) {
        int m = Math.min(k, index[i].length);
        nb[i] = java.util.Arrays.copyOf(index[i], m);
        float[] ww = new float[m];
        double sum = 0;
        for (int j = 0; j < m; j++) {
          ww[j] = (float) Math.pow(Math.max(0, similarity[i][j]), sharpen);
          sum += ww[j];
        }
        for (int j = 0; j < m; j++) {
          ww[j] = sum > 0 ? (float) (ww[j] / sum) : 1f / m;
        }
        w[i] = ww;
      }
      return new NeighbourGraph(nb, w);
    }
  }

  private static final int QUERY_BLOCK = 32;
  private static final int ITEM_BLOCK = 128;

  /**
   * Exact k nearest neighbours by dot product. The vectors are laid out dimension-major so the
   * inner loop runs over contiguous items (an axpy the JIT turns into SIMD), in tiles that stay in
   * cache: blocks of 32 queries in parallel, items in blocks of 128.
   */
  static Nearest nearest(List<float[]> vectors, int k, int threads) {
    int n = vectors.size();
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    int d = n == 0 ? 0 : vectors.get(0).length;
    for (float[] v : vectors) {
      if (v.length != d) {
        throw new IllegalArgumentException("vectors of different dimensions: " + d + " and " + v.length);
      }
    }
    int kk = Math.min(k, Math.max(0, n - 1));
    float[] byDim = new float[d * n];
    for (int j = 0; j < n; j++) {
      float[] v = vectors.get(j);
      for (int c = 0; c < d; c++) {
        byDim[c * n + j] = v[c];
      }
    }
    int[][] nb = new int[n][];
    float[][] sims = new float[n][];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "neighbour-graph");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int start = 0; start < n; start += QUERY_BLOCK) {
        int from = start;
        int to = Math.min(n, start + QUERY_BLOCK);
        jobs.add(pool.submit(() -> {
          int q = to - from;
          int[][] idx = new int[q][kk];
          float[][] sim = new float[q][kk];
          int[] filled = new int[q];
          float[] score = new float[q * ITEM_BLOCK];
          float[] qc = new float[q];
          for (int j0 = 0; j0 < n; j0 += ITEM_BLOCK) {
            int len = Math.min(ITEM_BLOCK, n - j0);
            java.util.Arrays.fill(score, 0f);
            for (int c = 0; c < d; c++) {
              int off = c * n + j0;
              for (int b = 0; b < q; b++) {
                qc[b] = vectors.get(from + b)[c];
              }
              for (int b = 0; b < q; b++) {
                float x = qc[b];
                int row = b * ITEM_BLOCK;
                for (int j = 0; j < len; j++) {
                  score[row + j] += x * byDim[off + j];
                }
              }
            }
            for (int b = 0; b < q; b++) {
              int self = from + b;
              int row = b * ITEM_BLOCK;
              for (int j = 0; j < len; j++) {
                int item = j0 + j;
                if (item != self) {
                  filled[b] = offer(idx[b], sim[b], filled[b], item, score[row + j]);
                }
              }
            }
          }
          for (int b = 0; b < q; b++) {
            nb[from + b] = java.util.Arrays.copyOf(idx[b], filled[b]);
            sims[from + b] = java.util.Arrays.copyOf(sim[b], filled[b]);
          }
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the neighbour graph", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("neighbour graph failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Nearest(nb, sims);
  }

  /** Inserts (item, s) into the descending top list if it belongs there; returns the new fill. */
  private static int offer(int[] idx, float[] sim, int filled, int item, float s) {
    int kk = idx.length;
    if (kk == 0 || (filled == kk && s <= sim[kk - 1])) {
      return filled;
    }
    int p = filled < kk ? filled++ : kk - 1;
    while (p > 0 && sim[p - 1] < s) {
      sim[p] = sim[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    sim[p] = s;
    idx[p] = item;
    return filled;
  }

  /**
   * Label spreading: iterates F = alpha * W F + (1 - alpha) * Y from F = Y, where Y holds each
   * node's prior distribution (a reviewer's label as a one-hot row, else the model's
   * probabilities); returns the rows of F, each normalised to sum to 1. {@code clamp[i]} keeps
   * node i at its prior (reviewer labels).
   */
  double[][] spread(double[][] prior, boolean[] clamp, double alpha, int iterations) {
    int n = neighbours.length;
    if (prior.length != n || clamp.length != n) {
      throw new IllegalArgumentException("prior and clamp need one row per node: " + n);
    }
    int kc = prior.length == 0 ? 0 : prior[0].length;
    double[][] f = new double[n][];
    for (int i = 0; i < n; i++) {
      f[i] = prior[i].clone();
    }
    for (int it = 0; it < iterations; it++) {
      double[][] next = new double[n][kc];
      for (int i = 0; i < n; i++) {
        if (clamp[i]) {
          next[i] = prior[i].clone();
          continue;
        }
        int[] nb = neighbours[i];
        float[] w = weights[i];
        double[] row = next[i];
        for (int m = 0; m < nb.length; m++) {
          double[] fj = f[nb[m]];
          for (int c = 0; c < kc; c++) {
            row[c] += alpha * w[m] * fj[c];
          }
        }
        for (int c = 0; c < kc; c++) {
          row[c] += (1 - alpha) * prior[i][c];
        }
      }
      f = next;
    }
    for (double[] row : f) {
      double s = 0;
      for (double v : row) {
        s += v;
      }
      if (s > 0) {
        for (int c = 0; c < kc; c++) {
          row[c] /= s;
        }
      }
    }
    return f;
  }
}
