package dev.verbatim.validation;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A three-way document sentiment label, as reviewers give it and scorers predict it. */
public enum SentimentLabel {
  /** The customer is unhappy. */
  NEGATIVE,
  /** Neither, or mixed without a lean. */
  NEUTRAL,
  /** The customer is happy. */
  POSITIVE;

  /** The wire form: {@code negative}, {@code neutral} or {@code positive}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the wire form or a one-letter key ({@code n}, {@code u}, {@code p}), ignoring case and
   * surrounding blanks; empty when it is neither.
   */
  public static Optional<SentimentLabel> parse(@Nullable String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "negative", "neg", "n", "-1" -> Optional.of(NEGATIVE);
      case "neutral", "neu", "u", "0" -> Optional.of(NEUTRAL);
      case "positive", "pos", "p", "1", "+1" -> Optional.of(POSITIVE);
      default -> Optional.empty();
    };
  }
}
