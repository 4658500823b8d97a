package dev.verbatim.validation.estimate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.SentimentLabel;

/**
 * One labelled item as the estimator sees it.
 *
 * @param stratum the stratum it was drawn from
 * @param truth the reviewer's label
 * @param predicted the machine's label
 */
public record Observation(String stratum, SentimentLabel truth, SentimentLabel predicted) {
  public Observation {
    requireNonNull(stratum, "stratum");
    requireNonNull(truth, "truth");
    requireNonNull(predicted, "predicted");
  }

  /** Whether the machine was right. */
  public boolean correct() {
    return truth == predicted;
  }
}
