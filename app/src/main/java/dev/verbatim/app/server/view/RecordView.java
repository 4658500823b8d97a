package dev.verbatim.app.server.view;

import java.io.IOException;
import java.util.Optional;

/**
 * One record as its detail page shows it. Seam: {@link LuceneRecordView} reads the index's stored
 * fields; when the index module offers a record lookup (e.g. {@code FeedbackSearch.record(key)}),
 * an implementation over it replaces that class.
 */
public interface RecordView {
  /**
   * The record whose {@code source/id} is {@code key}; empty when the index has none.
   *
   * @throws IllegalArgumentException if {@code key} is not {@code source/id}
   */
  Optional<RecordDetail> record(String key) throws IOException;
}
