package dev.verbatim.pipeline;

/**
 * A failure outside any one record (the index is locked, the disk is full, a model is missing):
 * the run stops with this message instead of quarantining every record. A stage throws it only for
 * such failures; any other exception is a bug on one record and is quarantined as {@link
 * Reason#INTERNAL}.
 */
public final class StageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message that says what to fix. */
  public StageFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure with a message that says what to fix. */
  public StageFailure(String message) {
    super(message);
  }
}
