package dev.verbatim.pipeline.eval;

import dev.verbatim.pipeline.clean.LanguageDetector;

/** Lets tests in other packages run the language evaluation. */
public final class LanguageEvalAccess {
  private LanguageEvalAccess() {}

  /** Runs the evaluation and returns the printed report. */
  public static String run(LanguageDetector detector) {
    return LanguageEval.report(LanguageEval.evaluate(detector, LanguageEval.load()));
  }
}
