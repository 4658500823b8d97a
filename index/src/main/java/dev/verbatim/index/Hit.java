package dev.verbatim.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search hit: what a result list shows of a record. All text is redacted, but it is still
 * customer text: renderers must escape it.
 *
 * <p>{@code highlight} is the one exception: it is already HTML-escaped ({@code &lt; &gt; &amp;
 * &quot; &#39;}) with matches wrapped in {@code <mark>} and {@code </mark>}, so a web page can insert
 * it as is, and since the customer's own text can hold no literal {@code <mark>} after escaping, a
 * terminal can split on the tags, unescape the pieces and colour the matches.
 *
 * @param id the record's id within its source
 * @param source where it came from
 * @param channel ticket, chat, review or survey
 * @param eventTime when the customer wrote it
 * @param accountId the account, if known
 * @param sentiment document sentiment label (negative, neutral, positive), if scored
 * @param sentimentScore document sentiment score, if scored
 * @param topics topic ids, empty if none
 * @param score relevance score; {@code null} when sorted by time
 * @param highlight best passages with matches marked (see above); {@code null} when highlighting is
 *     off or the query has no words
 * @param subject the redacted subject or title, if any
 * @param text the whole redacted customer text
 */
@JsonPropertyOrder({
  "id", "source", "channel", "event_time", "account_id", "sentiment", "sentiment_score", "topics",
  "score", "highlight", "subject", "text"
})
public record Hit(
    String id,
    String source,
    String channel,
    @JsonProperty("event_time") Instant eventTime,
    @JsonProperty("account_id") @Nullable String accountId,
    @Nullable String sentiment,
    @JsonProperty("sentiment_score") @Nullable Double sentimentScore,
    List<String> topics,
    @Nullable Float score,
    @Nullable String highlight,
    @Nullable String subject,
    String text) {
  public Hit {
    topics = List.copyOf(topics);
  }

  /** {@code source/id}: the key {@link SearchRequest#moreLikeThis()} takes. */
  public String key() {
    return source + '/' + id;
  }
}
