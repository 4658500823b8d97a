package dev.verbatim.pipeline.annotate;

/**
 * Maps a scorer's raw margin (how far its score lies from the decision boundary) to the
 * probability that its label is right: {@code p = 1 / (1 + exp(-(slope * margin + intercept)))}
 * (Platt scaling). Immutable.
 *
 * <p>Verbatim fits it on agreement with CoreNLP over unlabelled text ({@link #fit}), never on gold
 * labels; {@link SentimentEval} reports how well it holds (expected calibration error).
 *
 * @param slope weight of the margin
 * @param intercept bias
 */
public record PlattCalibration(double slope, double intercept) {

  /** The probability that a label with this margin is right, in (0, 1). */
  public double apply(double margin) {
    double z = slope * margin + intercept;
    if (!Double.isFinite(z)) {
      return 0.5;
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits slope and intercept by maximum likelihood (Newton's method with Platt's smoothed targets).
   *
   * @param margins raw margins
   * @param right whether each label was right (e.g. agreed with the reference scorer)
   * @return the fitted calibration; {@code (0, logit(base rate))} if the margins carry no signal
   */
  public static PlattCalibration fit(double[] margins, boolean[] right) {
    if (margins.length != right.length) {
      throw new IllegalArgumentException("margins and right differ in length");
    }
    int pos = 0;
    for (boolean r : right) {
      pos += r ? 1 : 0;
    }
    int neg = right.length - pos;
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 0;
    double b = Math.log((pos + 1.0) / (neg + 1.0));
    for (int iter = 0; iter < 100; iter++) {
      double g1 = 0, g2 = 0, h11 = 1e-9, h12 = 0, h22 = 1e-9;
      for (int i = 0; i < margins.length; i++) {
        double p = new PlattCalibration(a, b).apply(margins[i]);
        double t = right[i] ? hi : lo;
        double d = p - t;
        double w = p * (1 - p);
        g1 += d * margins[i];
        g2 += d;
        h11 += w * margins[i] * margins[i];
        h12 += w * margins[i];
        h22 += w;
      }
      double det = h11 * h22 - h12 * h12;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (h22 * g1 - h12 * g2) / det;
      double db = (h11 * g2 - h12 * g1) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-9) {
        break;
      }
    }
    return new PlattCalibration(a, b);
  }
}
