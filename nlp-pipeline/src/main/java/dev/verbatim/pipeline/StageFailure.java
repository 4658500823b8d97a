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

  /**
   * A copy of {@code t} for logging: its class and stack trace, without its message, which may quote
   * customer text (e.g. a parse error naming the unparseable value). Causes are stripped the same way.
   */
  public static Throwable withoutMessage(Throwable t) {
    RuntimeException copy = new RuntimeException(t.getClass().getName() + " (message withheld: may hold customer text)");
    copy.setStackTrace(t.getStackTrace());
    if (t.getCause() != null && t.getCause() != t) copy.initCause(withoutMessage(t.getCause()));
    return copy;
  }
}
