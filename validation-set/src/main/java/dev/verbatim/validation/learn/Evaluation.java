package dev.verbatim.validation.learn;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.SentimentModel;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.estimate.Observation;
import dev.verbatim.validation.estimate.SentimentEstimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Evaluates models on labelled examples and runs the train / held-out split of {@code validate learn}. */
public final class Evaluation {
  private Evaluation() {}

  /** Accuracy and macro-F1 (with intervals) of a model on labelled examples (sample scope). */
  public static SentimentEstimate evaluate(SentimentModel model, List<TrainingExample> examples, Estimator estimator) {
    List<Observation> obs = new ArrayList<>();
    for (TrainingExample e : examples) {
      obs.add(new Observation("all", e.truth(), model.predict(e.input()).label()));
    }
    return estimator.estimate(obs, null);
  }

  /**
   * Splits the labels (seeded), trains on {@code 1 - heldOutShare} of them, and measures the base
   * scorer and the trained model on the rest.
   */
  public static LearnReport beforeAfter(
      List<TrainingExample> labels, SentimentLearner learner, double heldOutShare, long seed, Estimator estimator) {
    requireNonNull(labels, "labels");
    if (!(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("held-out share must be in (0, 1), got " + heldOutShare);
    }
    List<TrainingExample> shuffled = new ArrayList<>(labels);
    Collections.shuffle(shuffled, new Random(seed));
    int held = Math.max(1, (int) Math.round(heldOutShare * shuffled.size()));
    List<TrainingExample> test = shuffled.subList(0, held);
    List<TrainingExample> train = shuffled.subList(held, shuffled.size());
    SentimentModel model = learner.train(train);
    return new LearnReport(train.size(), test.size(), evaluate(SentimentModel.base(), test, estimator),
        evaluate(model, test, estimator));
  }
}
