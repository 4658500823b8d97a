package dev.verbatim.trends;

import static dev.verbatim.index.SearchRequest.Interval.WEEK;
import static java.time.temporal.ChronoUnit.WEEKS;

import dev.verbatim.trends.stats.RateTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds emerging friction: weeks in which a topic's negative mentions, per record written, rise
 * above the topic's own trailing baseline.
 *
 * <p>Week by week (UTC, Monday), while no alert is open, the week's negative mentions {@code x} out
 * of {@code n} records are compared with the {@code B} weeks before ({@code x0} of {@code n0}) by the
 * exact conditional test of two Poisson rates ({@link RateTest}); an alert opens when {@code p < α}
 * and {@code x >= minMentions}. Because the test conditions on volume, a busy week is not an alarm
 * by itself. While open, the baseline is frozen (the elevated weeks must not become their own
 * baseline, or a step change would be forgotten within {@code B} weeks) and the alert closes after
 * two consecutive weeks whose rate is not above it. Its p-value and ratio cover all its weeks.
 *
 * <p>False alarms: under a stable rate each week's test rejects with probability at most α (the
 * binomial test is conservative), so a stable topic raises about {@code 52·α} alerts a year. A
 * topic first raised after at least {@code B} weeks of data is flagged as new.
 *
 * <p>Pure function of a {@link FactTable}; thread-safe.
 */
public final class EmergingDetector {
  private final TrendSettings settings;

  /** A detector with {@code settings}' baseline, α and minimum mentions. */
  public EmergingDetector(TrendSettings settings) {
    this.settings = settings;
  }

  /**
   * The alerts of {@code topic} over all weeks of {@code table} up to {@code to} that are open at some
   * time in {@code [from, to]}, oldest first.
   */
  public List<EmergingAlert> detect(FactTable table, String topic, LocalDate from, LocalDate to) {
    LocalDate first = table.firstDay();
    if (first == null) return List.of();
    LocalDate w0 = Buckets.start(first, WEEK);
    int weeks = (int) (WEEKS.between(w0, Buckets.start(to, WEEK)) + 1);
    long[] x = new long[weeks];
    long[] n = new long[weeks];
    fill(table.days(topic), w0, to, x, true);
    fill(table.days(null), w0, to, n, false);
    List<EmergingAlert> alerts = new ArrayList<>();
    int b = settings.baselineWeeks();

    LocalDate firstRaised = table.firstDayOf(topic);
    if (firstRaised != null) {
      int fw = (int) WEEKS.between(w0, Buckets.start(firstRaised, WEEK));
      if (fw >= b && fw < weeks) {
        // new: nothing in any earlier week; the baseline is the B weeks before, with zero mentions
        long n0 = sum(n, fw - b, fw);
        long xs = 0, ns = 0;
        for (int w = fw; w < weeks; w++) {
          xs += x[w];
          ns += n[w];
        }
        LocalDate since = w0.plusWeeks(fw);
        // new within the reported period, and raised often enough to be worth a look
        if (!since.isBefore(Buckets.start(from, WEEK)) && xs >= settings.minMentions()) {
          double p = n0 == 0 || ns == 0 ? Double.NaN : RateTest.greater(xs, ns, 0, n0);
          alerts.add(new EmergingAlert(topic, since, null, true, null, p, xs, ns, 0, n0, query(topic, since, to)));
        }
        return alerts;
      }
    }

    int w = b;
    while (w < weeks) {
      long x0 = sum(x, w - b, w), n0 = sum(n, w - b, w);
      if (n0 == 0 || n[w] == 0 || x[w] < settings.minMentions() || RateTest.greater(x[w], n[w], x0, n0) >= settings.alpha()) {
        w++;
        continue;
      }
      int start = w;
      long xs = x[w], ns = n[w];
      int last = w;
      int quiet = 0;
      w++;
      for (; w < weeks; w++) {
        boolean above = n[w] > 0 && (double) x[w] / n[w] > (double) x0 / n0;
        if (above) {
          quiet = 0;
          xs += sumRange(x, last + 1, w + 1);
          ns += sumRange(n, last + 1, w + 1);
          last = w;
        } else if (++quiet >= 2) {
          break;
        }
      }
      boolean open = w >= weeks && quiet < 2;
      LocalDate since = w0.plusWeeks(start);
      LocalDate until = open ? null : w0.plusWeeks(last);
      LocalDate end = until == null ? to : until.plusDays(6);
      boolean overlaps = !end.isBefore(Buckets.start(from, WEEK)) && !since.isAfter(to);
      if (overlaps) {
        alerts.add(
            new EmergingAlert(
                topic, since, until, false, RateTest.ratio(xs, ns, x0, n0), RateTest.greater(xs, ns, x0, n0),
                xs, ns, x0, n0, query(topic, since, end.isAfter(to) ? to : end)));
      }
      w = last + 1 + Math.min(quiet, 2);
    }
    return alerts;
  }

  private static String query(String topic, LocalDate from, LocalDate to) {
    return Queries.and(Queries.topic(topic, "negative"), Queries.days(from, to));
  }

  private static void fill(Map<Integer, FactTable.Cell> days, LocalDate w0, LocalDate to, long[] out, boolean negative) {
    long first = w0.toEpochDay();
    long last = to.toEpochDay();
    for (Map.Entry<Integer, FactTable.Cell> e : days.entrySet()) {
      int d = e.getKey();
      if (d < first || d > last) continue;
      int w = (int) ((d - first) / 7);
      out[w] += negative ? e.getValue().negative : e.getValue().volume;
    }
  }

  private static long sum(long[] a, int from, int to) {
    return sumRange(a, Math.max(0, from), to);
  }

  private static long sumRange(long[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) s += a[i];
    return s;
  }
}
