package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * A score that came with the text, on a stated scale.
 *
 * @param value the score; within {@code scale}
 * @param scale how to read the score
 */
public record Rating(double value, RatingScale scale) {
  public Rating {
    requireNonNull(scale, "scale");
    if (!scale.contains(value)) {
      throw new IllegalArgumentException(
          "rating " + value + " is outside the " + scale.wireName() + " scale " + scale.min() + "-" + scale.max());
    }
  }
}
