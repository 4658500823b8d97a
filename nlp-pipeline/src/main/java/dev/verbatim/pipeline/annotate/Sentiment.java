package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

/**
 * How a span of text feels: a label, a signed strength and how sure the scorer is.
 *
 * @param label the class
 * @param score signed strength in [-1, 1]: -1 very negative, 0 neutral or no signal, 1 very
 *     positive
 * @param confidence calibrated probability in [0, 1] that {@code label} is right
 */
public record Sentiment(Polarity label, double score, double confidence) {
  public Sentiment {
    requireNonNull(label, "label");
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score outside [-1, 1]: " + score);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
    }
  }

  /** A neutral result for text with no signal at all (empty, only placeholders). */
  public static Sentiment none(double confidence) {
    return new Sentiment(Polarity.NEUTRAL, 0, confidence);
  }
}
