package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message in a conversation or ticket.
 *
 * @param speaker who wrote it
 * @param text what they wrote, as exported (may still hold HTML, quotes, signatures)
 * @param time when, if the export says
 */
public record Turn(Speaker speaker, String text, @Nullable Instant time) {
  public Turn {
    requireNonNull(speaker, "speaker");
    requireNonNull(text, "text");
  }

  /** A customer turn without a time: how a plain {@code text} field arrives. */
  public static Turn customer(String text) {
    return new Turn(Speaker.CUSTOMER, text, null);
  }
}
