package dev.verbatim.trends;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a trends analysis looks at and how strict it is. Start from {@link #defaults()}.
 *
 * @param since first day of the reported period (UTC, inclusive); {@code null}: the first day with
 *     feedback. Earlier feedback still serves as baseline and as exposure before early outcomes.
 * @param until last day of the reported period (inclusive); {@code null}: the last day with
 *     feedback or outcomes
 * @param windowDays an account "raised" a topic if it did so in this many days up to its outcome
 *     (retained accounts: up to {@code until}); default 90
 * @param baselineWeeks the trailing weeks an emerging-friction test compares a week with; default 8
 * @param recentWeeks the last weeks of the period shown as "now" against the {@code baselineWeeks}
 *     before them; default 4
 * @param alpha the one-sided false-alarm probability of the weekly emerging test, per topic and
 *     week while the topic is stable; default 0.001 (about one false alarm per 19 stable topic-years)
 * @param fdr the Benjamini-Hochberg q below which an association is reported as significant;
 *     default 0.05
 * @param minMentions the fewest negative mentions in a week that can open an alert; default 5
 * @param verbatims quotes per topic in the report (3-5 read well); default 5
 */
public record TrendSettings(
    @Nullable LocalDate since,
    @Nullable LocalDate until,
    int windowDays,
    int baselineWeeks,
    int recentWeeks,
    double alpha,
    double fdr,
    int minMentions,
    int verbatims) {

  public TrendSettings {
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("--since " + since + " is after --until " + until);
    }
    if (windowDays < 1) throw new IllegalArgumentException("the window must be at least 1 day, got " + windowDays);
    if (baselineWeeks < 2) throw new IllegalArgumentException("the baseline must be at least 2 weeks, got " + baselineWeeks);
    if (recentWeeks < 1) throw new IllegalArgumentException("recent weeks must be at least 1, got " + recentWeeks);
    if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    if (!(fdr > 0 && fdr < 1)) throw new IllegalArgumentException("the FDR level must be in (0, 1), got " + fdr);
    if (minMentions < 1) throw new IllegalArgumentException("minMentions must be at least 1, got " + minMentions);
    if (verbatims < 0) throw new IllegalArgumentException("verbatims must be >= 0, got " + verbatims);
  }

  /** The whole data, 90-day window, 8-week baseline, last 4 weeks as "now", α 0.001, FDR 5%, 5 quotes. */
  public static TrendSettings defaults() {
    return new TrendSettings(null, null, 90, 8, 4, 0.001, 0.05, 5, 5);
  }

  /** A copy reporting {@code [from, to]} (either may be {@code null}). */
  public TrendSettings withPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new TrendSettings(from, to, windowDays, baselineWeeks, recentWeeks, alpha, fdr, minMentions, verbatims);
  }

  /** A copy with another exposure window. */
  public TrendSettings withWindowDays(int days) {
    return new TrendSettings(since, until, days, baselineWeeks, recentWeeks, alpha, fdr, minMentions, verbatims);
  }

  /** A copy with another false-alarm probability for emerging alerts. */
  public TrendSettings withAlpha(double a) {
    return new TrendSettings(since, until, windowDays, baselineWeeks, recentWeeks, a, fdr, minMentions, verbatims);
  }
}
