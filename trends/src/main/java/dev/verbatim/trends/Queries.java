package dev.verbatim.trends;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The search query strings a report prints next to its numbers, in the index's query syntax (see
 * index/README.md), so that a reader can paste one into {@code verbatim search} or the web UI and
 * see the records behind the number.
 */
public final class Queries {
  private Queries() {}

  /** {@code topic:"ID"}, or {@code topic_negative:"ID"} / {@code topic_positive:"ID"}. */
  public static String topic(String topic, @Nullable String polarity) {
    String field =
        polarity == null ? "topic" : switch (polarity) {
          case "negative" -> "topic_negative";
          case "positive" -> "topic_positive";
          default -> throw new IllegalArgumentException("polarity must be negative or positive: " + polarity);
        };
    return field + ":" + quote(topic);
  }

  /** {@code event_time:[FROM TO TO]}, both days inclusive (UTC). */
  public static String days(LocalDate from, LocalDate to) {
    return "event_time:[" + from + " TO " + to + "]";
  }

  /** {@code a AND b}. */
  public static String and(String... parts) {
    return String.join(" AND ", parts);
  }

  /** A keyword value in quotes, with quotes and backslashes escaped. */
  public static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
