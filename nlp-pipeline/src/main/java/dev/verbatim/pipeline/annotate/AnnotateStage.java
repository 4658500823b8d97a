package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Stage;

/**
 * The annotate stage: splits the redacted text once ({@link Annotator}) and scores its sentiment
 * from that split ({@link SentimentScorer#score(AnnotatedText)}). It rejects nothing: empty text is
 * neutral. Thread-safe if its parts are (the shipped ones are).
 */
public final class AnnotateStage implements Stage<Redacted, Annotated> {

  private final Annotator annotator;
  private final SentimentScorer scorer;

  /** Creates the stage from its two parts, built once by the composition root. */
  public AnnotateStage(Annotator annotator, SentimentScorer scorer) {
    this.annotator = requireNonNull(annotator, "annotator");
    this.scorer = requireNonNull(scorer, "scorer");
  }

  @Override
  public String name() {
    return "annotate";
  }

  @Override
  public Outcome<Annotated> apply(Redacted input) {
    AnnotatedText text = annotator.annotate(input.text());
    return Outcome.ok(new Annotated(input, text, scorer.score(text), scorer.id()));
  }
}
