package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one feedback record: its {@code source} (e.g. {@code zendesk}) and its id within that
 * source. Re-ingesting the same id updates the record; it never duplicates it.
 *
 * @param source where the record came from; not blank
 * @param id the record's stable id within its source; not blank
 */
public record FeedbackId(String source, String id) {
  public FeedbackId {
    requireNonNull(source, "source");
    requireNonNull(id, "id");
    if (source.isBlank()) throw new IllegalArgumentException("source is blank");
    if (id.isBlank()) throw new IllegalArgumentException("id is blank");
  }

  /** Returns a single string key, {@code source + '/' + id}, unique across sources. */
  public String key() {
    return source + '/' + id;
  }

  @Override
  public String toString() {
    return key();
  }
}
