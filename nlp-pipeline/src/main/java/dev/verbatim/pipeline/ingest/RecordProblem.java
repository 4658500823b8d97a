package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.StageFailure;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Reason;

/**
 * Internal flow control while mapping one record: thrown where a field is found bad, caught at the
 * record boundary and turned into a rejected {@link Outcome}. It never leaves a reader. No stack
 * trace: it is data, not a bug, and bad records may be frequent.
 */
final class RecordProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordProblem.class);

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

  /**
   * A bug met on one record: logged once (file line and stack trace, never the record's text) and
   * returned as an INTERNAL rejection, so the read goes on.
   */
  static <T> Outcome<T> internal(String file, long line, RuntimeException e) {
    LOG.warn("ingest reader failed on {} line {}", file, line, StageFailure.withoutMessage(e));
    return Outcome.reject(
        Reason.INTERNAL, "the reader failed on this record (" + e.getClass().getName() + "): a bug in Verbatim");
  }

  /**
   * Parses one record into its outcome: the value, the {@link RecordProblem} it raised, or an
   * INTERNAL rejection for any other exception. The caller hands the outcome to its sink outside
   * this call, so the sink's own failures (disk full) are never taken for the record's.
   */
  static <T> Outcome<T> attempt(String file, long line, java.util.function.Supplier<T> parse) {
    try {
      return Outcome.ok(parse.get());
    } catch (RecordProblem p) {
      return p.outcome();
    } catch (RuntimeException e) {
      return internal(file, line, e);
    }
  }
}
