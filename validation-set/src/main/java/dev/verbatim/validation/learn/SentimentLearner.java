package dev.verbatim.validation.learn;

import dev.verbatim.validation.SentimentModel;
import java.util.List;

/** Trains a sentiment model from reviewer labels: the hook {@code validate learn} calls. */
@FunctionalInterface
public interface SentimentLearner {
  /** Trains on the examples; throws IllegalArgumentException when they are too few to learn from. */
  SentimentModel train(List<TrainingExample> examples);
}
