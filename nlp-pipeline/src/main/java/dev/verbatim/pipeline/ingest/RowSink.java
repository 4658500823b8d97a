package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;

/**
 * Receives the rows of a non-feedback input (accounts, outcomes), one at a time, in file order: the
 * same shape as {@link RecordSink}, for any record type, so bad rows reach the same quarantine.
 *
 * @param <T> the record type a valid row becomes
 */
@FunctionalInterface
public interface RowSink<T> {

  /**
   * Takes one row.
   *
   * @param raw the row's original text, file and line
   * @param outcome the parsed row, or why it was rejected
   */
  void accept(RawRecord raw, Outcome<T> outcome);
}
