package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One quarantined record: which stage rejected it, why, and its original bytes.
 *
 * @param stage the stage that rejected it, e.g. {@code ingest}
 * @param reason a code to group by
 * @param detail what is wrong and what to fix, for a person
 * @param id the record's id if it got far enough to have one
 * @param original the original bytes, file and line
 */
public record Rejection(
    String stage, Reason reason, String detail, @Nullable FeedbackId id, RawRecord original) {
  public Rejection {
    requireNonNull(stage, "stage");
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
    requireNonNull(original, "original");
  }
}
