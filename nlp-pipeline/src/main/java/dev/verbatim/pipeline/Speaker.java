package dev.verbatim.pipeline;

import java.util.Locale;
import java.util.Optional;

/** Who wrote a turn. Only {@link #CUSTOMER} turns are analysed; the others are kept for context. */
public enum Speaker {
  CUSTOMER,
  AGENT,
  BOT;

  /** Returns the wire name, e.g. {@code "customer"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively; empty if it names no speaker. */
  public static Optional<Speaker> parse(String wire) {
    for (Speaker s : values()) {
      if (s.wireName().equalsIgnoreCase(wire.strip())) return Optional.of(s);
    }
    return Optional.empty();
  }
}
