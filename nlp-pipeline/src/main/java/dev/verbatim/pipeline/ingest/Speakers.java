package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Speaker;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The role names exports use, mapped to speakers. */
final class Speakers {
  private Speakers() {}

  /**
   * customer / user / end-user / lead / contact / visitor → customer; agent / admin / team /
   * operator → agent; bot / assistant / system → bot. Null for anything else.
   */
  static @Nullable Speaker of(String role) {
    return switch (role.strip().toLowerCase(Locale.ROOT)) {
      case "customer", "user", "end-user", "end_user", "enduser", "lead", "contact", "visitor" ->
          Speaker.CUSTOMER;
      case "agent", "admin", "team", "operator" -> Speaker.AGENT;
      case "bot", "assistant", "system" -> Speaker.BOT;
      default -> null;
    };
  }
}
