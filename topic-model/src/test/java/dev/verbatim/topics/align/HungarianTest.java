package dev.verbatim.topics.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HungarianTest {
  @Test
  void findsTheCheapestSquareAssignment() {
    // greedy would take (0,0)=1 then be forced into 9s; optimum is 2+2+3 = 7 (rows -> 1, 0, 2)
    double[][] cost = {{1, 2, 9}, {2, 9, 9}, {9, 4, 3}};
    assertArrayEquals(new int[] {1, 0, 2}, Hungarian.solve(cost));
  }

  @Test
  void leavesExtraRowsOrColumnsOut() {
    double[][] wide = {{5, 1, 9}, {1, 5, 9}};
    assertArrayEquals(new int[] {1, 0}, Hungarian.solve(wide));
    double[][] tall = {{5, 1}, {1, 5}, {0, 0}};
    int[] r = Hungarian.solve(tall);
    // two rows are assigned, and the optimum costs 1 (row 2 at 0 plus one of the 1s)
    int used = 0;
    double total = 0;
    for (int i = 0; i < r.length; i++) {
      if (r[i] >= 0) {
        used++;
        total += tall[i][r[i]];
      }
    }
    assertArrayEquals(new double[] {2, 1}, new double[] {used, total});
  }
}
