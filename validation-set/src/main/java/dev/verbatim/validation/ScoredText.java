package dev.verbatim.validation;

import static java.util.Objects.requireNonNull;

/**
 * A text with what the base sentiment scorer said about it: the input of a {@link SentimentModel}.
 *
 * @param text the (redacted) customer text
 * @param predicted the base scorer's label
 * @param score the base scorer's document score in [-1, 1] (negative to positive)
 * @param confidence the base scorer's confidence in [0, 1]
 */
public record ScoredText(String text, SentimentLabel predicted, double score, double confidence) {
  public ScoredText {
    requireNonNull(text, "text");
    requireNonNull(predicted, "predicted");
    if (!Double.isFinite(score)) {
      score = 0;
    }
    if (!Double.isFinite(confidence)) {
      confidence = 0;
    }
  }
}
