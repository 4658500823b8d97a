package dev.verbatim.pipeline;

import java.util.Locale;
import java.util.Optional;

/** The kind of feedback, as the {@code channel} field of the feedback format names it. */
public enum Channel {
  TICKET,
  CHAT,
  REVIEW,
  SURVEY;

  /** Returns the wire name, e.g. {@code "ticket"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively; empty if it names no channel. */
  public static Optional<Channel> parse(String wire) {
    for (Channel c : values()) {
      if (c.wireName().equalsIgnoreCase(wire.strip())) return Optional.of(c);
    }
    return Optional.empty();
  }
}
