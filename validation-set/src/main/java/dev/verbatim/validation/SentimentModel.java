package dev.verbatim.validation;

/**
 * Predicts a document sentiment label from a text and the base scorer's output. The seam through
 * which a model trained on reviewer labels (or the base scorer itself) is evaluated and used.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface SentimentModel {
  /** Predicts the label of one text. Never throws on hostile text. */
  Prediction predict(ScoredText input);

  /** The base scorer as a model: its own label and confidence, unchanged. */
  static SentimentModel base() {
    return in -> new Prediction(in.predicted(), in.confidence());
  }
}
