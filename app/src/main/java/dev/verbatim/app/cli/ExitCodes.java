package dev.verbatim.app.cli;

/** What the CLI's exit codes mean; see the package documentation. */
final class ExitCodes {
  static final int OK = 0;
  static final int RUN_FAILED = 1;
  static final int USAGE = 2;

  private ExitCodes() {}
}
