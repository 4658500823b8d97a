package dev.verbatim.app.server.view;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Topics with their volume, sentiment and trend. Seam: {@link IndexTopicsView} counts the index's
 * {@code topic} field and names topics from the topic model's snapshot and taxonomy files; the
 * trends module can supply churn association, and the topic model merge and split, by another
 * implementation.
 */
public interface TopicsView {
  /** Every topic in the index, most records first. */
  List<TopicSummary> topics() throws IOException;

  /** One topic; empty if no record carries it and no snapshot names it. */
  Optional<TopicSummary> topic(String id) throws IOException;

  /**
   * Gives a topic the analyst's name; it survives refits (the taxonomy keeps it).
   *
   * @throws IllegalArgumentException for an unknown topic or an empty or overlong label
   */
  TopicSummary rename(String id, String label) throws IOException;
}
