package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Reason;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parses the times exports carry. Exceptions are only paid for bad values. */
final class Times {
  /** What a person should write instead, quoted in every BAD_TIME detail. */
  static final String EXAMPLE = "an ISO-8601 instant such as 2026-03-02T10:15:00Z";

  /** The first instant a feedback time may be; see {@link #plausible}. */
  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  /** The first instant past the last a feedback time may be; see {@link #plausible}. */
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private Times() {}

  /** An ISO-8601 instant, with {@code Z} or an offset; null if it is not one. */
  static @Nullable Instant strict(String s) {
    try {
      return Instant.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * What CSV and chat exports write: an ISO instant or offset time, a local date-time or a date
   * (both read as UTC, since the export states no zone), {@code yyyy-MM-dd HH:mm:ss[ UTC]}, or
   * digits as Unix seconds (up to 11 digits) or milliseconds. Null if none of these.
   */
  static @Nullable Instant lenient(String raw) {
    String s = raw.strip();
    if (s.isEmpty()) return null;
    if (isDigits(s)) {
      if (s.length() > 15) return null;
      long v = Long.parseLong(s);
      return s.length() <= 11 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }
    String upper = s.toUpperCase(Locale.ROOT);
    if (upper.endsWith(" UTC")) s = s.substring(0, s.length() - 4) + "Z";
    if (s.length() > 10 && s.charAt(10) == ' ') s = s.substring(0, 10) + 'T' + s.substring(11);
    Instant i = strict(s);
    if (i != null) return i;
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time; try a date
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Rejects a parsed time outside 1990-2099: no customer wrote feedback before 1990 or after 2099,
   * so such a time is a placeholder (0, 1970-01-01, 9999-12-31) or milliseconds read as seconds,
   * and kept it would stretch every default period (trends, the friction report) over centuries.
   *
   * @throws RecordProblem BAD_TIME naming {@code field} and the time
   */
  static Instant plausible(Instant t, String field) {
    if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
      throw new RecordProblem(
          Reason.BAD_TIME,
          "'" + field + "' " + t + " is outside 1990-2099: a placeholder, or milliseconds read as seconds?"
              + " write " + EXAMPLE);
    }
    return t;
  }

  /**
   * The time in a required CSV cell, read leniently.
   *
   * @throws RecordProblem MISSING_FIELD if the cell is empty, BAD_TIME if it is not a time
   */
  static Instant required(@Nullable String cell, String column) {
    if (cell == null) {
      throw new RecordProblem(Reason.MISSING_FIELD, "the date column '" + column + "' is empty");
    }
    Instant when = lenient(cell);
    if (when == null) {
      throw new RecordProblem(Reason.BAD_TIME, "date " + quote(cell) + " is not a time: write " + EXAMPLE);
    }
    return plausible(when, column);
  }

  /** Unix seconds as a JSON number (Intercom), or milliseconds when the value is that large. */
  static Instant epoch(long v) {
    return Math.abs(v) < 100_000_000_000L ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /** A value quoted in a detail, cut to a readable length. */
  static String quote(String value) {
    String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return "'" + v + "'";
  }
}
