package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
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
 * @param segments where each piece of {@code text} came from, in text order; empty if unknown
 */
public record Cleaned(
    Feedback feedback,
    String text,
    String language,
    @Nullable FeedbackId duplicateOf,
    List<Segment> segments) {
  public Cleaned {
    requireNonNull(feedback, "feedback");
    requireNonNull(text, "text");
    requireNonNull(language, "language");
    segments = List.copyOf(segments);
  }

  /** A cleaned record without source offsets. */
  public Cleaned(Feedback feedback, String text, String language, @Nullable FeedbackId duplicateOf) {
    this(feedback, text, language, duplicateOf, List.of());
  }

  /**
   * One line of kept customer text and where it came from, so a hit can be shown in its turn.
   *
   * @param turn index of the turn in {@link Feedback#turns()} (and {@link Redacted#turns()})
   * @param line 0-based line of that turn's plain text (markup removed, before quotes and
   *     signatures are cut); redaction never adds or removes line breaks, so the same line of the
   *     redacted turn holds the same words, masked
   * @param start offset of the piece in the cleaned (or redacted) text, inclusive
   * @param end offset of the piece in the cleaned (or redacted) text, exclusive
   */
  public record Segment(int turn, int line, int start, int end) {
    public Segment {
      if (turn < 0 || line < 0 || start < 0 || end < start) {
        throw new IllegalArgumentException(
            "bad segment turn=" + turn + " line=" + line + " " + start + ".." + end);
      }
    }
  }
}
