package dev.verbatim.index;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the index knows about one record, read from doc values by {@link FeedbackSearch#scan}: the
 * columns trends, validation and topic fitting aggregate over. Text and key come from stored fields
 * and only when the scan asks for them.
 *
 * @param key {@code source/id}; {@code null} unless the scan reads stored fields
 * @param text the redacted customer text; {@code null} unless the scan reads stored fields
 * @param eventTime when the customer wrote; {@code null} only for records indexed without one
 * @param sentiment negative, neutral or positive; {@code null} if not scored
 * @param sentimentScore the document score; {@code null} if not scored
 * @param sentimentConfidence calibrated probability the label is right; {@code null} if unknown
 * @param topics topic ids assigned to the record
 * @param negativeTopics topic ids raised by negative sentences
 * @param positiveTopics topic ids raised by positive sentences
 * @param rating the score that came with the text (survey or review), if any
 * @param ratingScale its scale (nps, csat, ces, stars5, ...), if any
 * @param duplicate whether the record near-duplicates an earlier one (trends count it once)
 */
public record RecordFacts(
    @Nullable String key,
    @Nullable String text,
    @Nullable String source,
    @Nullable String channel,
    @Nullable String language,
    @Nullable String account,
    @Nullable String segment,
    @Nullable String plan,
    @Nullable Instant eventTime,
    @Nullable String sentiment,
    @Nullable Double sentimentScore,
    @Nullable Double sentimentConfidence,
    List<String> topics,
    List<String> negativeTopics,
    List<String> positiveTopics,
    @Nullable Double rating,
    @Nullable String ratingScale,
    boolean duplicate) {

  public RecordFacts {
    topics = List.copyOf(topics);
    negativeTopics = List.copyOf(negativeTopics);
    positiveTopics = List.copyOf(positiveTopics);
  }

  /** The sentiment of this record's sentences about {@code topic}, falling back to the document's. */
  public @Nullable String topicSentiment(String topic) {
    if (negativeTopics.contains(topic)) return "negative";
    if (positiveTopics.contains(topic)) return "positive";
    if (!topics.contains(topic)) return null;
    return sentiment == null ? null : (negativeTopics.isEmpty() && positiveTopics.isEmpty() ? sentiment : "neutral");
  }
}
