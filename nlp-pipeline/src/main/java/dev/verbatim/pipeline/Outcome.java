package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * What a stage made of one record: a value to pass on, or a rejection with its reason. Bad data is
 * a value, not an exception, so one record's problem never stops a run.
 *
 * @param <T> the stage's output type
 */
public sealed interface Outcome<T> {

  /** The record passed; {@code value} goes on to the next stage. */
  record Ok<T>(T value) implements Outcome<T> {
    public Ok {
      requireNonNull(value, "value");
    }
  }

  /** The record was rejected; the runner quarantines it with its original bytes. */
  record Rejected<T>(Reason reason, String detail) implements Outcome<T> {
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(detail, "detail");
    }
  }

  /** Wraps a passing value. */
  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  /** A rejection; {@code detail} should say what to fix, e.g. the expected format. */
  static <T> Outcome<T> reject(Reason reason, String detail) {
    return new Rejected<>(reason, detail);
  }
}
