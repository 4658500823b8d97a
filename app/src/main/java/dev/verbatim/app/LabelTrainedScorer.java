package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.AnnotatedText;
import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.Sentiment;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.learn.LabelTrainedSentiment;

/**
 * The sentiment model {@code validate learn} trained on a workspace's reviewer labels, as a {@link
 * SentimentScorer}, so that the next {@code run --scorer learned} scores with what reviewers taught.
 *
 * <p>The model reads the base (fast) scorer's outputs and the text, and decides the document: its
 * label is the most probable class, its confidence that class's probability (a softmax trained on
 * labels, so calibrated on them), its score {@code p(positive) - p(negative)}. The model is
 * document-level: sentence labels stay the base scorer's (topic-level sentiment reads those). With
 * sentence-embedding features it encodes every text, so it runs at the encoder's pace (hundreds of
 * records per second), not the lexicon's. Thread-safe: the model is read-only once loaded.
 */
public final class LabelTrainedScorer implements SentimentScorer {

  private final SentimentScorer base;
  private final LabelTrainedSentiment model;

  /** Wraps {@code model}, which reads {@code base}'s outputs. */
  public LabelTrainedScorer(SentimentScorer base, LabelTrainedSentiment model) {
    this.base = requireNonNull(base, "base");
    this.model = requireNonNull(model, "model");
  }

  @Override
  public DocumentSentiment score(String text) {
    return decide(text, base.score(text));
  }

  @Override
  public DocumentSentiment score(AnnotatedText annotated) {
    return decide(annotated.text(), base.score(annotated));
  }

  /**
   * What the model reads: the text with the base scorer's document sentiment. Training ({@code
   * validate learn}) builds its examples with this too, so both see the same features.
   */
  public static ScoredText input(String text, Sentiment base) {
    return new ScoredText(text, SentimentLabel.valueOf(base.label().name()), base.score(), base.confidence());
  }

  private DocumentSentiment decide(String text, DocumentSentiment first) {
    double[] p = model.probabilities(input(text, first.document()));
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    Polarity label = Polarity.valueOf(SentimentLabel.values()[best].name());
    double score = Math.max(-1, Math.min(1, p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()]));
    return new DocumentSentiment(new Sentiment(label, score, p[best]), first.sentences());
  }

  /** How many reviewer labels the model was trained on. */
  public int trainedOn() {
    return model.trainedOn();
  }

  @Override
  public java.util.Map<String, Number> counters() {
    return java.util.Map.of("trained_on_labels", trainedOn());
  }

  @Override
  public String id() {
    return "label-trained-" + model.trainedOn() + "+" + base.id();
  }
}
