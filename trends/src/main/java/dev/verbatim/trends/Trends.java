package dev.verbatim.trends;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.SearchRequest;
import dev.verbatim.trends.stats.SurveyScores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Time series and survey impact over a {@link FactTable}. Pure functions of the table; thread-safe.
 *
 * <p>Example:
 *
 * <pre>{@code
 * FactTable table = FactTable.build(new IndexTrendSource(search), null, f -> true);
 * TopicSeries s = Trends.series(table, "t3", SearchRequest.Interval.WEEK, table.firstDay(), table.lastDay());
 * }</pre>
 */
public final class Trends {
  private Trends() {}

  /**
   * The series of {@code topic} in buckets of {@code interval} over {@code [from, to]} (days
   * inclusive; edge buckets are clipped to the period), every bucket present.
   */
  public static TopicSeries series(FactTable table, String topic, SearchRequest.Interval interval, LocalDate from, LocalDate to) {
    requireNonNull(topic, "topic");
    if (from.isAfter(to)) throw new IllegalArgumentException("from " + from + " is after to " + to);
    Map<Integer, FactTable.Cell> cells = table.days(topic);
    Map<Integer, FactTable.Cell> totals = table.days(null);
    List<SeriesPoint> points = new ArrayList<>();
    for (LocalDate b = Buckets.start(from, interval); !b.isAfter(to); b = Buckets.next(b, interval)) {
      LocalDate lo = b.isBefore(from) ? from : b;
      LocalDate next = Buckets.next(b, interval);
      LocalDate hi = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
      long volume = 0, total = 0, negative = 0, scored = 0;
      double scoreSum = 0;
      java.util.BitSet accounts = new java.util.BitSet();
      Map<String, Long> byChannel = new TreeMap<>();
      Map<String, Long> bySegment = new TreeMap<>();
      for (long d = lo.toEpochDay(); d <= hi.toEpochDay(); d++) {
        FactTable.Cell all = totals.get((int) d);
        if (all != null) total += all.volume;
        FactTable.Cell c = cells.get((int) d);
        if (c == null) continue;
        volume += c.volume;
        negative += c.negative;
        scored += c.scored;
        scoreSum += c.scoreSum;
        accounts.or(c.accounts);
        for (int i = 0; i < c.byChannel.length; i++) if (c.byChannel[i] > 0) byChannel.merge(table.channelName(i), c.byChannel[i], Long::sum);
        for (int i = 0; i < c.bySegment.length; i++) if (c.bySegment[i] > 0) bySegment.merge(table.segmentName(i), c.bySegment[i], Long::sum);
      }
      points.add(new SeriesPoint(b, volume, total, total == 0 ? Double.NaN : (double) volume / total, negative,
          volume == 0 ? Double.NaN : (double) negative / volume, scored == 0 ? null : scoreSum / scored,
          accounts.cardinality(), byChannel, bySegment));
    }
    return new TopicSeries(topic, interval, points, Queries.and(Queries.topic(topic, null), Queries.days(from, to)));
  }

  /**
   * Totals over a period.
   *
   * @param volume records (raising the topic)
   * @param negative of which negative about it (for all records: negative documents)
   * @param accounts distinct accounts among them
   */
  public record Totals(long volume, long negative, long accounts) {}

  /** Totals of {@code topic} (or of all records when {@code null}) over {@code [from, to]}. */
  public static Totals totals(FactTable table, @Nullable String topic, LocalDate from, LocalDate to) {
    Map<Integer, FactTable.Cell> cells = table.days(topic);
    long volume = 0, negative = 0;
    java.util.BitSet accounts = new java.util.BitSet();
    for (long d = from.toEpochDay(); d <= to.toEpochDay(); d++) {
      FactTable.Cell c = cells.get((int) d);
      if (c == null) continue;
      volume += c.volume;
      negative += c.negative;
      accounts.or(c.accounts);
    }
    return new Totals(volume, negative, accounts.cardinality());
  }

  /**
   * NPS, CSAT and CES of respondents who raised each topic against the others, over responses in
   * {@code [from, to]}; one entry per topic and metric that has responses on both sides. Scales
   * are read from the records' rating scale: {@code nps}, {@code csat}, {@code ces}.
   */
  public static List<SurveyImpact> surveyImpact(FactTable table, LocalDate from, LocalDate to) {
    int k = table.topics().size();
    // per metric: [topic or k for all][promoters|satisfied|sum, detractors|sumSq, n]
    Map<String, double[][]> acc = new HashMap<>();
    long lo = from.toEpochDay(), hi = to.toEpochDay();
    for (FactTable.Response r : table.responses()) {
      if (r.day() < lo || r.day() > hi) continue;
      String metric = r.scale();
      double a, b;
      switch (metric) {
        case "nps" -> {
          a = r.value() >= 9 ? 1 : 0;
          b = r.value() <= 6 ? 1 : 0;
        }
        case "csat" -> {
          a = r.value() >= 4 ? 1 : 0;
          b = 0;
        }
        case "ces" -> {
          a = r.value();
          b = r.value() * r.value();
        }
        default -> {
          continue;
        }
      }
      double[][] m = acc.computeIfAbsent(metric, x -> new double[k + 1][3]);
      for (int t : r.topics()) add(m[t], a, b);
      add(m[k], a, b);
    }
    List<SurveyImpact> out = new ArrayList<>();
    List<String> topics = table.topics();
    for (String metric : List.of("nps", "csat", "ces")) {
      double[][] m = acc.get(metric);
      if (m == null) continue;
      double[] all = m[k];
      for (int t = 0; t < k; t++) {
        double[] in = m[t];
        long n1 = (long) in[2], n0 = (long) (all[2] - in[2]);
        if (n1 == 0 || n0 == 0) continue;
        double a0 = all[0] - in[0], b0 = all[1] - in[1];
        String query = Queries.and(Queries.topic(topics.get(t), null), "rating_scale:" + metric, Queries.days(from, to));
        out.add(switch (metric) {
          case "nps" -> new SurveyImpact(topics.get(t), metric, n1, SurveyScores.nps((long) in[0], (long) in[1], n1), n0,
              SurveyScores.nps((long) a0, (long) b0, n0),
              SurveyScores.npsDifference((long) in[0], (long) in[1], n1, (long) a0, (long) b0, n0), query);
          case "csat" -> new SurveyImpact(topics.get(t), metric, n1, SurveyScores.csat((long) in[0], n1), n0,
              SurveyScores.csat((long) a0, n0), SurveyScores.csatDifference((long) in[0], n1, (long) a0, n0), query);
          default -> new SurveyImpact(topics.get(t), metric, n1, SurveyScores.ces(in[0], in[1], n1), n0,
              SurveyScores.ces(a0, b0, n0), SurveyScores.cesDifference(in[0], in[1], n1, a0, b0, n0), query);
        });
      }
    }
    return out;
  }

  private static void add(double[] cell, double a, double b) {
    cell[0] += a;
    cell[1] += b;
    cell[2] += 1;
  }
}
