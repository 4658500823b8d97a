package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One discovered topic as an analyst reads it.
 *
 * @param id stable id
 * @param label short phrase label, distinct across the model's topics (e.g. "card still hasn't arrived")
 * @param topTerms the most distinctive single terms, best first (at most {@link TopicParams#topTerms()})
 * @param representativeIds ids of 3-5 training records closest to the topic's centre, best first
 * @param size number of training documents whose most probable topic this is
 */
public record Topic(
    TopicId id, String label, List<String> topTerms, List<String> representativeIds, int size) {
  public Topic {
    requireNonNull(id, "id");
    requireNonNull(label, "label");
    topTerms = List.copyOf(topTerms);
    representativeIds = List.copyOf(representativeIds);
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
  }

  /** Returns this topic under another id. */
  public Topic withId(TopicId newId) {
    return new Topic(newId, label, topTerms, representativeIds, size);
  }

  /** Returns this topic under another label. */
  public Topic withLabel(String newLabel) {
    return new Topic(id, newLabel, topTerms, representativeIds, size);
  }
}
