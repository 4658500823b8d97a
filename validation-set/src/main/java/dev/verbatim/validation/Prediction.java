package dev.verbatim.validation;

import static java.util.Objects.requireNonNull;

/**
 * A model's label for one text and how sure it is.
 *
 * @param label the predicted label
 * @param confidence the probability of that label, in [0, 1]
 */
public record Prediction(SentimentLabel label, double confidence) {
  public Prediction {
    requireNonNull(label, "label");
  }
}
