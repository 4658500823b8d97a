package dev.verbatim.app.server.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.verbatim.index.HistogramBucket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A topic as the explorer lists it.
 *
 * @param id stable topic id, as stored in the index's {@code topic} field
 * @param label the analyst's name for it, else the model's label, else the id
 * @param topTerms the model's most distinctive terms, empty without a snapshot
 * @param volume records carrying the topic
 * @param negativeShare share of those records whose document sentiment is negative
 * @param positiveShare share whose sentiment is positive
 * @param trend records per week (UTC, Mondays) with the negative count, oldest first
 * @param churnAssociation association with churn from the trends module; null until it is wired
 */
@JsonPropertyOrder({"id", "label", "top_terms", "volume", "negative_share", "positive_share", "trend",
    "churn_association"})
public record TopicSummary(
    String id,
    String label,
    @JsonProperty("top_terms") List<String> topTerms,
    long volume,
    @JsonProperty("negative_share") double negativeShare,
    @JsonProperty("positive_share") double positiveShare,
    List<HistogramBucket> trend,
    @JsonProperty("churn_association") @Nullable Double churnAssociation) {
  public TopicSummary {
    topTerms = List.copyOf(topTerms);
    trend = List.copyOf(trend);
  }
}
