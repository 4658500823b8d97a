package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Reason;

/**
 * Internal flow control while mapping one record: thrown where a field is found bad, caught at the
 * record boundary and turned into a rejected {@link Outcome}. It never leaves a reader. No stack
 * trace: it is data, not a bug, and bad records may be frequent.
 */
final class RecordProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  RecordProblem(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }

  <T> Outcome<T> outcome() {
    return Outcome.reject(reason, getMessage());
  }
}
