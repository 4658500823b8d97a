package dev.verbatim.trends.report;

/**
 * How accurate the sentiment labels behind the report are, from the validation module (reviewer
 * labels or gold data), shown next to every sentiment figure.
 *
 * @param accuracy share of labels a human agreed with, 0..1
 * @param low lower bound of its 95% interval
 * @param high upper bound
 * @param n labels it rests on
 * @param basis where it comes from, e.g. {@code "reviewer labels, validate stats"}
 */
public record SentimentAccuracy(double accuracy, double low, double high, long n, String basis) {
  public SentimentAccuracy {
    if (!(accuracy >= 0 && accuracy <= 1)) throw new IllegalArgumentException("accuracy must be in [0, 1]: " + accuracy);
    java.util.Objects.requireNonNull(basis, "basis");
  }
}
