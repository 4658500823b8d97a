package dev.verbatim.validation.queue;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item in the queue: a sampled record with what the machine said about it.
 *
 * @param itemId the queue's id
 * @param sampleId the sample it belongs to
 * @param position its place in the sample's review order
 * @param record the sampled record
 * @param stratum the stratum it was drawn from
 * @param weight how many population records it stands for
 * @param required how many reviewers must label it (2 for overlap items, else 1)
 */
public record ReviewItem(
    long itemId, long sampleId, int position, PopulationRecord record, String stratum, double weight, int required) {
  public ReviewItem {
    requireNonNull(record, "record");
    requireNonNull(stratum, "stratum");
  }

  /** The record's id. */
  public String recordId() {
    return record.id();
  }

  /** The text to show. */
  public String text() {
    return record.text();
  }

  /** The conversation around the text (redacted turns), empty for single texts. */
  public List<dev.verbatim.validation.Turn> turns() {
    return record.turns();
  }

  /** The machine's label. */
  public SentimentLabel predicted() {
    return record.predicted();
  }

  /** The assigned topics. */
  public List<String> topics() {
    return record.topicIds();
  }

  /** Whether two reviewers label it. */
  public boolean overlap() {
    return required > 1;
  }

  /** The second scorer's label, if any. */
  public @Nullable SentimentLabel secondOpinion() {
    return record.secondOpinion();
  }
}
