package dev.verbatim.app.server.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record with everything the index keeps for display. All text is redacted customer text:
 * renderers must escape it.
 *
 * @param key {@code source/id}
 * @param turns the redacted conversation, customer and agent turns in order
 * @param meta redacted metadata
 * @param duplicateOf {@code source/id} of the record this one near-duplicates, if any
 * @param sentences sentence-level sentiment, when the index keeps it (empty until it does)
 */
@JsonPropertyOrder({"key", "source", "id", "channel", "event_time", "language", "account_id", "segment", "plan",
    "rating", "rating_scale", "sentiment", "sentiment_score", "topics", "subject", "text", "turns", "sentences",
    "meta", "duplicate_of", "run_id"})
public record RecordDetail(
    String key,
    String source,
    String id,
    String channel,
    @JsonProperty("event_time") Instant eventTime,
    @Nullable String language,
    @JsonProperty("account_id") @Nullable String accountId,
    @Nullable String segment,
    @Nullable String plan,
    @Nullable Double rating,
    @JsonProperty("rating_scale") @Nullable String ratingScale,
    @Nullable String sentiment,
    @JsonProperty("sentiment_score") @Nullable Double sentimentScore,
    List<String> topics,
    @Nullable String subject,
    String text,
    List<Map<String, Object>> turns,
    List<Map<String, Object>> sentences,
    Map<String, Object> meta,
    @JsonProperty("duplicate_of") @Nullable String duplicateOf,
    @JsonProperty("run_id") @Nullable String runId) {
  public RecordDetail {
    topics = List.copyOf(topics);
    turns = List.copyOf(turns);
    sentences = List.copyOf(sentences);
    meta = Map.copyOf(meta);
  }
}
