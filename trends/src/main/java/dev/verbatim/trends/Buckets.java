package dev.verbatim.trends;

import dev.verbatim.index.SearchRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** UTC calendar buckets, as the index histogram: days, Monday weeks, calendar months. */
final class Buckets {
  private Buckets() {}

  static LocalDate start(LocalDate day, SearchRequest.Interval interval) {
    return switch (interval) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  static LocalDate next(LocalDate start, SearchRequest.Interval interval) {
    return switch (interval) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }
}
