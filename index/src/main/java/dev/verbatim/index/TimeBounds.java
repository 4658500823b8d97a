package dev.verbatim.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the times users type: an ISO date ({@code 2026-03-01}, a whole day in UTC) or an instant
 * ({@code 2026-03-01T10:15:00Z}, {@code 2026-03-01T10:15:00+02:00}; without an offset, UTC).
 */
final class TimeBounds {
  private TimeBounds() {}

  /** The first instant {@code text} names: the start of a day, or the instant itself. */
  static Instant start(String text, String what) {
    String s = text.strip();
    LocalDate day = dayOrNull(s);
    return day != null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : instant(s, what);
  }

  /**
   * The exclusive end of what {@code text} names: the start of the next day for a date (so a date
   * includes its whole day), the instant itself otherwise.
   */
  static Instant endExclusive(String text, String what) {
    String s = text.strip();
    LocalDate day = dayOrNull(s);
    return day != null ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : instant(s, what);
  }

  /** True if {@code text} is a plain ISO date rather than an instant. */
  static boolean isDate(String text) {
    return dayOrNull(text.strip()) != null;
  }

  private static @Nullable LocalDate dayOrNull(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(String s, String what) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException ignored) {
      // try the other ISO forms below
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the other ISO forms below
    }
    try {
      return ZonedDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the other ISO forms below
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what + " '" + s + "' is not a date: use an ISO date such as 2026-03-01 or an instant such as"
              + " 2026-03-01T10:15:00Z (a time without an offset is read as UTC)",
          e);
    }
  }
}
