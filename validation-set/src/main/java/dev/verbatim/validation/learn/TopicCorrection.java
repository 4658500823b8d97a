package dev.verbatim.validation.learn;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's verdict on the topics of one record, for the taxonomy: the topic module reads these
 * to move records, split or rename topics.
 *
 * @param recordId the record
 * @param assigned the topics the model assigned
 * @param verdicts per assigned topic, whether the reviewer found it right
 * @param correctedTopic the topic the reviewer says is right, if any
 * @param reviewer who said so
 */
public record TopicCorrection(
    @JsonProperty("id") String recordId,
    List<String> assigned,
    Map<String, Boolean> verdicts,
    @JsonProperty("corrected_topic") @Nullable String correctedTopic,
    String reviewer) {
  public TopicCorrection {
    requireNonNull(recordId, "recordId");
    assigned = List.copyOf(assigned);
    verdicts = Map.copyOf(verdicts);
    requireNonNull(reviewer, "reviewer");
  }

  /** The labels that say something about topics (a verdict or a corrected topic). */
  public static List<TopicCorrection> collect(List<LabeledItem> items) {
    List<TopicCorrection> out = new ArrayList<>();
    for (LabeledItem li : items) {
      for (Label l : li.labels()) {
        if (!l.topicVerdicts().isEmpty() || l.correctedTopic() != null) {
          out.add(new TopicCorrection(li.item().recordId(), li.item().topics(), l.topicVerdicts(),
              l.correctedTopic(), l.reviewer()));
        }
      }
    }
    return out;
  }
}
