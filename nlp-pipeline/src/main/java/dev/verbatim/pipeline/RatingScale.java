package dev.verbatim.pipeline;

import java.util.Locale;
import java.util.Optional;

/** How to read a {@link Rating}: the scale's name on the wire and its inclusive range. */
public enum RatingScale {
  /** Net Promoter Score question, 0 to 10. */
  NPS(0, 10),
  /** Customer satisfaction, 1 to 5. */
  CSAT(1, 5),
  /** Customer effort score, 1 to 7. */
  CES(1, 7),
  /** Review stars, 1 to 5. */
  STARS(1, 5);

  private final int min;
  private final int max;

  RatingScale(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /** Lowest valid value, inclusive. */
  public int min() {
    return min;
  }

  /** Highest valid value, inclusive. */
  public int max() {
    return max;
  }

  /** True if {@code value} lies on this scale. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  /** Returns the wire name, e.g. {@code "nps"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively; empty if it names no scale. */
  public static Optional<RatingScale> parse(String wire) {
    for (RatingScale s : values()) {
      if (s.wireName().equalsIgnoreCase(wire.strip())) return Optional.of(s);
    }
    return Optional.empty();
  }
}
