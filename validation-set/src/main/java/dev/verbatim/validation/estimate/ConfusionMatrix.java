package dev.verbatim.validation.estimate;

import dev.verbatim.validation.SentimentLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * A (weighted) confusion matrix over the three sentiment labels: rows are the reviewers' labels,
 * columns the machine's. Mutable while filled, not thread-safe.
 */
public final class ConfusionMatrix {
  private static final int K = SentimentLabel.values().length;
  private final double[][] cells = new double[K][K];

  /** Adds {@code weight} to the cell (truth, predicted). */
  public void add(SentimentLabel truth, SentimentLabel predicted, double weight) {
    cells[truth.ordinal()][predicted.ordinal()] += weight;
  }

  /** The cell (truth, predicted). */
  public double get(SentimentLabel truth, SentimentLabel predicted) {
    return cells[truth.ordinal()][predicted.ordinal()];
  }

  /** The total weight. */
  public double total() {
    double t = 0;
    for (double[] row : cells) {
      for (double v : row) {
        t += v;
      }
    }
    return t;
  }

  /** The weighted share on the diagonal; NaN when empty. */
  public double accuracy() {
    double d = 0;
    for (int i = 0; i < K; i++) {
      d += cells[i][i];
    }
    double t = total();
    return t == 0 ? Double.NaN : d / t;
  }

  /** Precision of one label (0 when never predicted). */
  public double precision(SentimentLabel l) {
    double col = 0;
    for (int i = 0; i < K; i++) {
      col += cells[i][l.ordinal()];
    }
    return col == 0 ? 0 : cells[l.ordinal()][l.ordinal()] / col;
  }

  /** Recall of one label (0 when it never occurs). */
  public double recall(SentimentLabel l) {
    double row = 0;
    for (int j = 0; j < K; j++) {
      row += cells[l.ordinal()][j];
    }
    return row == 0 ? 0 : cells[l.ordinal()][l.ordinal()] / row;
  }

  /** F1 of one label. */
  public double f1(SentimentLabel l) {
    double p = precision(l);
    double r = recall(l);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Whether a label occurs as truth or prediction. */
  public boolean present(SentimentLabel l) {
    for (int k = 0; k < K; k++) {
      if (cells[l.ordinal()][k] > 0 || cells[k][l.ordinal()] > 0) {
        return true;
      }
    }
    return false;
  }

  /** The mean F1 over the labels that occur (as truth or prediction); NaN when empty. */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (SentimentLabel l : SentimentLabel.values()) {
      if (present(l)) {
        sum += f1(l);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Rows (truth) of columns (predicted), in label order, for reports. */
  public List<List<Double>> rows() {
    List<List<Double>> out = new ArrayList<>();
    for (double[] row : cells) {
      List<Double> r = new ArrayList<>();
      for (double v : row) {
        r.add(v);
      }
      out.add(r);
    }
    return out;
  }
}
