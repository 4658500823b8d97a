package dev.verbatim.pipeline.annotate;

import java.util.Locale;

/** The three sentiment classes every scorer reports. */
public enum Polarity {
  /** The writer is unhappy, complains or criticises. */
  NEGATIVE,
  /** Neither: a question, a fact, a request, or balanced praise and blame. */
  NEUTRAL,
  /** The writer is pleased, praises or thanks. */
  POSITIVE;

  /** The lower-case wire name used in gold files and JSON ({@code "negative"}...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label for a score in [-1, 1] with a symmetric neutral band {@code (-band, band)}. */
  public static Polarity ofScore(double score, double band) {
    if (score >= band) {
      return POSITIVE;
    }
    return score <= -band ? NEGATIVE : NEUTRAL;
  }
}
