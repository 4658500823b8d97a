package dev.verbatim.app.server;

/**
 * A request the server refuses, with the HTTP status and a message for the caller that says what
 * to fix. Answered as {@code {"error": CODE, "message": MESSAGE}}; never carries a stack trace.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /**
   * @param status the HTTP status, 4xx (or 501 for what is not built)
   * @param code a short machine-readable code, e.g. {@code bad_query}
   * @param message what went wrong and how to fix it
   */
  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** 400: the caller's input is wrong. */
  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** 404: nothing there. */
  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The machine-readable code. */
  public String code() {
    return code;
  }
}
