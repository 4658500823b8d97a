package dev.verbatim.validation.learn;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;

/**
 * A reviewer-labelled text with what the base scorer said about it.
 *
 * @param input the text and the base scorer's output
 * @param truth the reviewer's label
 */
public record TrainingExample(ScoredText input, SentimentLabel truth) {
  public TrainingExample {
    requireNonNull(input, "input");
    requireNonNull(truth, "truth");
  }
}
