package dev.verbatim.topics.tag;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.topics.TopicId;
import org.jspecify.annotations.Nullable;

/**
 * One topic of a record, with the sentiment of the sentences that raised it.
 *
 * @param id the topic
 * @param weight its share of the record, in (0, 1]; a record's weights sum to at most 1
 * @param sentiment the sentences' sentiment about it, or null when the record is not scored
 * @param sentences how many of the record's sentences raised it (0: only the record as a whole did)
 */
public record Tag(TopicId id, double weight, @Nullable Polarity sentiment, int sentences) {
  public Tag {
    requireNonNull(id, "id");
    if (!(weight > 0 && weight <= 1.000001)) throw new IllegalArgumentException("weight outside (0, 1]: " + weight);
    if (sentences < 0) throw new IllegalArgumentException("sentences < 0");
  }
}
