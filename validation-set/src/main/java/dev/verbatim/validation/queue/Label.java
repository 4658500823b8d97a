package dev.verbatim.validation.queue;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.SentimentLabel;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reviewer's read of one item (label schema version {@link #SCHEMA_VERSION}).
 *
 * @param reviewer who labelled
 * @param sentiment the reviewer's sentiment; null when the item was only flagged
 * @param topicVerdicts for each assigned topic id, whether it is right
 * @param correctedTopic the right topic when an assigned one is wrong; null if none given
 * @param piiUnmasked the reviewer saw personal data left unmasked
 * @param flagged the item needs attention (unreadable, not customer text, ...)
 * @param note free text, may be empty
 * @param created when it was saved
 */
public record Label(
    String reviewer,
    @Nullable SentimentLabel sentiment,
    Map<String, Boolean> topicVerdicts,
    @Nullable String correctedTopic,
    boolean piiUnmasked,
    boolean flagged,
    String note,
    Instant created) {
  /** The label schema version written with each label; bump when fields change meaning. */
  public static final int SCHEMA_VERSION = 1;

  public Label {
    requireNonNull(reviewer, "reviewer");
    if (reviewer.isBlank()) {
      throw new IllegalArgumentException("reviewer must not be blank");
    }
    topicVerdicts = Map.copyOf(topicVerdicts);
    requireNonNull(note, "note");
    requireNonNull(created, "created");
  }

  /** A sentiment-only label. */
  public static Label sentiment(String reviewer, SentimentLabel sentiment, Instant at) {
    return new Label(reviewer, sentiment, Map.of(), null, false, false, "", at);
  }

  /** A flag without a sentiment. */
  public static Label flag(String reviewer, String note, Instant at) {
    return new Label(reviewer, null, Map.of(), null, false, true, note, at);
  }
}
