package dev.verbatim.topics.align;

/**
 * Minimum-cost assignment on a rectangular cost matrix (Kuhn 1955; Munkres 1957), the O(n²m)
 * shortest-augmenting-path form with potentials (as in Jonker–Volgenant). Deterministic. Stateless.
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * Returns, for each row, the column assigned to it, or -1 when there are more rows than columns
   * and the row is left out. Every column is used at most once; the total cost is minimal.
   *
   * @param cost {@code rows × cols} finite costs
   */
  public static int[] solve(double[][] cost) {
    int rows = cost.length;
    int cols = rows == 0 ? 0 : cost[0].length;
    if (rows == 0) return new int[0];
    boolean transpose = rows > cols;
    double[][] a = transpose ? transpose(cost) : cost;
    int n = a.length; // n <= m
    int m = a[0].length;
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1]; // p[j] = row matched to column j (1-based), 0 = none
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      boolean[] used = new boolean[m + 1];
      java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (used[j]) continue;
          double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    java.util.Arrays.fill(rowToCol, -1);
    for (int j = 1; j <= m; j++) if (p[j] != 0) rowToCol[p[j] - 1] = j - 1;
    if (!transpose) return rowToCol;
    int[] out = new int[rows];
    java.util.Arrays.fill(out, -1);
    for (int i = 0; i < n; i++) if (rowToCol[i] >= 0) out[rowToCol[i]] = i;
    return out;
  }

  private static double[][] transpose(double[][] c) {
    double[][] t = new double[c[0].length][c.length];
    for (int i = 0; i < c.length; i++) for (int j = 0; j < c[0].length; j++) t[j][i] = c[i][j];
    return t;
  }
}
