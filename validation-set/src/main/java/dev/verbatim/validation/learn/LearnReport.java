package dev.verbatim.validation.learn;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.verbatim.validation.estimate.SentimentEstimate;

/**
 * Before / after of learning, measured on labels held out from training.
 *
 * @param trainLabels labels the model was trained on
 * @param heldOutLabels labels it was evaluated on
 * @param before the base scorer on the held-out labels
 * @param after the trained model on the held-out labels
 */
public record LearnReport(
    @JsonProperty("train_labels") int trainLabels,
    @JsonProperty("held_out_labels") int heldOutLabels,
    SentimentEstimate before,
    SentimentEstimate after) {}
