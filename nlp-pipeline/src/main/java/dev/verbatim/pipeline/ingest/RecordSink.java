package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;

/** Receives what a {@link FeedbackReader} read, one record at a time, in file order. */
@FunctionalInterface
public interface RecordSink {

  /**
   * Takes one record.
   *
   * @param raw the record's original bytes, file and line
   * @param outcome the parsed record, or why it was rejected
   */
  void accept(RawRecord raw, Outcome<Feedback> outcome);
}
