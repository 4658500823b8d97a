package dev.verbatim.index;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One topic assigned to a record, with the sentiment of the sentences that raised it: a ticket that
 * praises support and complains about billing carries {@code billing/negative} and {@code
 * support/positive}.
 *
 * @param id the topic id, e.g. {@code t12} or a seeded theme's id
 * @param weight the topic's share of the record, in (0, 1]; the weights of a record sum to at most 1
 * @param sentiment negative, neutral or positive: the sentiment of the sentences assigned to this
 *     topic; {@code null} if the record is not scored (e.g. not English)
 */
public record TopicTag(String id, double weight, @Nullable String sentiment) {
  public TopicTag {
    requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("blank topic id");
    if (!(weight > 0 && weight <= 1.000001)) {
      throw new IllegalArgumentException("topic weight must be in (0, 1]: " + weight);
    }
    if (sentiment != null && !IndexRecord.SENTIMENT_LABELS.contains(sentiment)) {
      throw new IllegalArgumentException(
          "topic sentiment '" + sentiment + "' is not one of negative, neutral, positive");
    }
  }
}
