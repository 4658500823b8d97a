package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A record after the clean stage: the customer's own words, normalised, with the language they are
 * written in and, for a near-duplicate, the record it copies.
 *
 * @param feedback the record as ingested
 * @param text the customer text to analyse: customer turns only, without quotes, signatures or
 *     markup, NFC, no control characters; empty only for a score-only record
 * @param language a BCP-47 tag (e.g. {@code en}), or {@code und} if it cannot be told
 * @param duplicateOf the earlier record this one near-duplicates, if any
 */
public record Cleaned(
    Feedback feedback, String text, String language, @Nullable FeedbackId duplicateOf) {
  public Cleaned {
    requireNonNull(feedback, "feedback");
    requireNonNull(text, "text");
    requireNonNull(language, "language");
  }
}
