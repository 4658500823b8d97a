package dev.verbatim.trends;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One representative customer quote for a report: redacted, but still hostile text that every
 * renderer must escape.
 *
 * @param key {@code source/id} of the record
 * @param eventTime when the customer wrote it
 * @param channel ticket, chat, review or survey
 * @param account the account, if known
 * @param text the redacted text, at most {@link #MAX_CHARS} characters
 */
public record Verbatim(String key, @Nullable Instant eventTime, @Nullable String channel, @Nullable String account, String text) {
  /** The longest quote a report shows. */
  public static final int MAX_CHARS = 400;

  public Verbatim {
    java.util.Objects.requireNonNull(key, "key");
    java.util.Objects.requireNonNull(text, "text");
    if (text.length() > MAX_CHARS) {
      int cut = MAX_CHARS - 1;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
      text = text.substring(0, cut) + "…";
    }
  }
}
