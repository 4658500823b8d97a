package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Redacted;

/**
 * A record after the annotate stage: the redacted record, its sentences and tokens (for topics and
 * the index), and its sentiment per sentence and for the whole text.
 *
 * @param redacted the record as redacted; {@code text} offsets below index into {@code
 *     redacted.text()}
 * @param text sentences, tokens and lemmas of {@code redacted.text()}
 * @param sentiment document and sentence sentiment
 * @param scorer id of the scorer that produced {@code sentiment}
 */
public record Annotated(
    Redacted redacted, AnnotatedText text, DocumentSentiment sentiment, String scorer) {
  public Annotated {
    requireNonNull(redacted, "redacted");
    requireNonNull(text, "text");
    requireNonNull(sentiment, "sentiment");
    requireNonNull(scorer, "scorer");
  }
}
