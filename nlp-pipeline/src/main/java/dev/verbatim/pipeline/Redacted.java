package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record with personal data masked: the only form that later stages, the index, reports and
 * screens ever see. It deliberately keeps no reference to the unmasked {@link Feedback}, so no
 * later stage can leak what was masked.
 *
 * @param id source and id
 * @param channel the kind of feedback
 * @param eventTime when the customer wrote it
 * @param accountId the customer account
 * @param customerId the person, masked if it was personal data (e.g. an e-mail)
 * @param rating a score that came with the text
 * @param subject ticket subject or review title, redacted
 * @param meta anything else, redacted
 * @param turns every turn, redacted, for context; only customer turns were analysed
 * @param text the cleaned customer text with PII replaced by typed placeholders ({@code [EMAIL]})
 * @param pii where placeholders stand in {@code text}
 * @param language a BCP-47 tag, or {@code und}
 * @param duplicateOf the earlier record this one near-duplicates, if any
 * @param segments where each line of {@code text} came from (turn and line of {@code turns}),
 *     offsets in {@code text}; empty if unknown
 */
public record Redacted(
    FeedbackId id,
    Channel channel,
    Instant eventTime,
    @Nullable String accountId,
    @Nullable String customerId,
    @Nullable Rating rating,
    @Nullable String subject,
    Map<String, String> meta,
    List<Turn> turns,
    String text,
    List<PiiSpan> pii,
    String language,
    @Nullable FeedbackId duplicateOf,
    List<Cleaned.Segment> segments) {
  public Redacted {
    requireNonNull(id, "id");
    requireNonNull(channel, "channel");
    requireNonNull(eventTime, "eventTime");
    requireNonNull(text, "text");
    requireNonNull(language, "language");
    meta = Map.copyOf(meta);
    turns = List.copyOf(turns);
    pii = List.copyOf(pii);
    segments = List.copyOf(segments);
  }

  /** A redacted record without source offsets. */
  public Redacted(
      FeedbackId id,
      Channel channel,
      Instant eventTime,
      @Nullable String accountId,
      @Nullable String customerId,
      @Nullable Rating rating,
      @Nullable String subject,
      Map<String, String> meta,
      List<Turn> turns,
      String text,
      List<PiiSpan> pii,
      String language,
      @Nullable FeedbackId duplicateOf) {
    this(id, channel, eventTime, accountId, customerId, rating, subject, meta, turns, text, pii,
        language, duplicateOf, List.of());
  }

  /** This record marked as a near-duplicate of {@code original}. */
  public Redacted withDuplicateOf(FeedbackId original) {
    requireNonNull(original, "original");
    return new Redacted(id, channel, eventTime, accountId, customerId, rating, subject, meta, turns, text,
        pii, language, original, segments);
  }
}
