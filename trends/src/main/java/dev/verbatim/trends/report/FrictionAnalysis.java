package dev.verbatim.trends.report;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.SearchRequest;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import dev.verbatim.trends.Association;
import dev.verbatim.trends.EmergingAlert;
import dev.verbatim.trends.EmergingDetector;
import dev.verbatim.trends.FactTable;
import dev.verbatim.trends.OutcomeAssociation;
import dev.verbatim.trends.Queries;
import dev.verbatim.trends.SurveyImpact;
import dev.verbatim.trends.TopicSeries;
import dev.verbatim.trends.TrendSettings;
import dev.verbatim.trends.TrendSource;
import dev.verbatim.trends.Trends;
import dev.verbatim.trends.Verbatim;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the friction report: one scan of the facts, then series, emerging alerts, associations
 * with churn and expansion, survey impact and quotes per topic.
 *
 * <p>A topic is a <b>friction</b> topic when it has an emerging alert in the period, is linked to
 * churn (q below the FDR level, RR above 1, either variant), or lowers NPS/CSAT significantly
 * (interval of the difference below 0); otherwise, when at least half its mentions are negative
 * and it holds at least 1% of records, it is listed as friction too. It is <b>delightful</b> when
 * linked to expansion (q below the level, RR above 1) or when it raises NPS/CSAT significantly.
 *
 * <p>Stateless: concurrent calls are as safe as their {@code source}; the result is immutable.
 * Without accounts there is no association (the report says to pass accounts and outcomes).
 */
public final class FrictionAnalysis {
  /** Most topics with a full section (chart, quotes) in the HTML; the JSON and CSV keep all. */
  static final int MAX_SECTIONS = 12;

  private FrictionAnalysis() {}

  /**
   * Runs the analysis.
   *
   * @param topicLabels topic id to name; a missing id is shown as itself
   * @param accuracy the sentiment accuracy to show beside sentiment figures, if measured
   * @throws IllegalArgumentException if the source holds no dated feedback in the period
   */
  public static FrictionReport run(
      TrendSource source,
      List<Account> accounts,
      List<AccountOutcome> outcomes,
      Map<String, String> topicLabels,
      TrendSettings settings,
      @Nullable SentimentAccuracy accuracy)
      throws IOException {
    requireNonNull(topicLabels, "topicLabels");
    FactTable table = FactTable.build(source, settings.until(), f -> true);
    if (table.records() == 0) {
      throw new IllegalArgumentException(
          "no dated feedback to report on" + (settings.until() == null ? "" : " up to " + settings.until())
              + ": run `verbatim run --input ...` first, or widen --since/--until");
    }
    LocalDate from = settings.since() != null ? settings.since() : table.firstDay();
    LocalDate to = settings.until() != null ? settings.until() : table.lastDay();
    long[] all = totals(table, null, from, to);
    if (all[0] == 0) {
      throw new IllegalArgumentException("no feedback between " + from + " and " + to + ": widen --since/--until");
    }
    EmergingDetector detector = new EmergingDetector(settings);
    List<Association> associations =
        accounts.isEmpty() ? List.of() : new OutcomeAssociation(settings).compute(table, accounts, outcomes, from, to);
    Map<String, Association> assoc = new HashMap<>();
    for (Association a : associations) assoc.put(a.outcome() + "/" + a.negativeOnly() + "/" + a.topic(), a);
    Map<String, List<SurveyImpact>> survey = new HashMap<>();
    for (SurveyImpact s : Trends.surveyImpact(table, from, to)) survey.computeIfAbsent(s.topic(), k -> new ArrayList<>()).add(s);
    long population = OutcomeAssociation.population(accounts, outcomes, from, to);

    LocalDate nowFrom = max(from, to.minusDays(7L * settings.recentWeeks() - 1));
    LocalDate baseTo = nowFrom.minusDays(1);
    LocalDate baseFrom = max(table.firstDay(), baseTo.minusDays(7L * settings.baselineWeeks() - 1));
    long[] allNow = totals(table, null, nowFrom, to);
    long[] allBase = baseTo.isBefore(baseFrom) ? new long[3] : totals(table, null, baseFrom, baseTo);

    List<FrictionReport.TopicReport> topics = new ArrayList<>();
    for (String id : table.topics()) {
      long[] t = totals(table, id, from, to);
      if (t[0] == 0) continue;
      long[] tn = totals(table, id, nowFrom, to);
      long[] tb = baseTo.isBefore(baseFrom) ? new long[3] : totals(table, id, baseFrom, baseTo);
      FrictionReport.Now now = new FrictionReport.Now(nowFrom, to, ratio(tn[0], allNow[0]), ratio(tn[1], tn[0]), tn[0],
          baseFrom, baseTo, ratio(tb[0], allBase[0]), ratio(tb[1], tb[0]), tb[0],
          Queries.and(Queries.topic(id, null), Queries.days(nowFrom, to)),
          Queries.and(Queries.topic(id, null), Queries.days(baseFrom, baseTo)));
      List<EmergingAlert> alerts = detector.detect(table, id, from, to);
      EmergingAlert emerging = alerts.isEmpty() ? null : alerts.get(alerts.size() - 1);
      Association churn = assoc.get("churn/false/" + id), churnNeg = assoc.get("churn/true/" + id);
      Association exp = assoc.get("expansion/false/" + id), expNeg = assoc.get("expansion/true/" + id);
      List<SurveyImpact> impacts = survey.getOrDefault(id, List.of());
      double level = settings.fdr();
      boolean scoreDown = impacts.stream().anyMatch(s -> s.difference().high() < 0);
      boolean scoreUp = impacts.stream().anyMatch(s -> s.difference().low() > 0);
      boolean churnLinked = linked(churn, level) || linked(churnNeg, level);
      boolean friction = emerging != null || churnLinked || scoreDown
          || (ratio(t[1], t[0]) >= 0.5 && ratio(t[0], all[0]) >= 0.01);
      boolean delight = linked(exp, level) || scoreUp;
      TopicSeries weekly = Trends.series(table, id, SearchRequest.Interval.WEEK, from, to);
      topics.add(new FrictionReport.TopicReport(id, topicLabels.getOrDefault(id, id), t[0], ratio(t[0], all[0]), t[1],
          ratio(t[1], t[0]), t[2], now, emerging, churn, churnNeg, exp, expNeg, impacts, List.of(), weekly,
          friction, delight, Queries.and(Queries.topic(id, null), Queries.days(from, to)),
          Queries.and(Queries.topic(id, "negative"), Queries.days(from, to))));
    }
    topics.sort(Comparator.comparing((FrictionReport.TopicReport r) -> !r.friction())
        .thenComparing(r -> r.emerging() == null)
        .thenComparing(r -> !(linked(r.churn(), settings.fdr()) || linked(r.churnNegative(), settings.fdr())))
        .thenComparing(Comparator.comparingLong(FrictionReport.TopicReport::negative).reversed())
        .thenComparing(FrictionReport.TopicReport::id));

    List<String> rising = topics.stream().filter(r -> r.emerging() != null)
        .sorted(Comparator.comparing((FrictionReport.TopicReport r) -> !r.emerging().isNew())
            .thenComparing(r -> -(r.emerging().ratio() == null ? Double.MAX_VALUE : r.emerging().ratio())))
        .limit(5).map(FrictionReport.TopicReport::id).toList();
    List<String> churnTop = topics.stream()
        .filter(r -> linked(r.churn(), settings.fdr()) || linked(r.churnNegative(), settings.fdr()))
        .sorted(Comparator.comparingDouble((FrictionReport.TopicReport r) -> bestQ(r.churn(), r.churnNegative()))
            .thenComparing(FrictionReport.TopicReport::id))
        .limit(5).map(FrictionReport.TopicReport::id).toList();
    List<String> delightTop = topics.stream().filter(FrictionReport.TopicReport::delight)
        .sorted(Comparator.comparingDouble((FrictionReport.TopicReport r) -> bestQ(r.expansion(), r.expansionNegative()))
            .thenComparing(FrictionReport.TopicReport::id))
        .limit(5).map(FrictionReport.TopicReport::id).toList();

    // quotes only for what the HTML shows in full: the first friction sections and the delightful themes
    var untilInstant = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    var sinceInstant = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<FrictionReport.TopicReport> withQuotes = new ArrayList<>();
    int sections = 0;
    for (FrictionReport.TopicReport r : topics) {
      List<Verbatim> quotes = List.of();
      if (settings.verbatims() > 0) {
        if (r.friction() && sections++ < MAX_SECTIONS) {
          quotes = source.verbatims(r.id(), "negative", sinceInstant, untilInstant, settings.verbatims());
        } else if (r.delight() && delightTop.contains(r.id())) {
          quotes = source.verbatims(r.id(), "positive", sinceInstant, untilInstant, settings.verbatims());
        }
      }
      withQuotes.add(new FrictionReport.TopicReport(r.id(), r.label(), r.volume(), r.share(), r.negative(),
          r.negativeShare(), r.accounts(), r.now(), r.emerging(), r.churn(), r.churnNegative(), r.expansion(),
          r.expansionNegative(), r.survey(), quotes, r.weekly(), r.friction(), r.delight(), r.query(), r.negativeQuery()));
    }
    return new FrictionReport(from, to, settings.windowDays(), all[0], table.duplicates(), population, accuracy,
        rising, churnTop, delightTop, withQuotes, methods(settings));
  }

  static String methods(TrendSettings s) {
    return "Counting: records by event time (UTC; weeks start on Monday); a near-duplicate counts once. "
        + "Share = records raising the topic / all records. Negative share = records whose sentences about the topic are "
        + "negative / records raising it. "
        + "Emerging: each week's negative mentions per record against the topic's trailing " + s.baselineWeeks()
        + " weeks, exact conditional test of two Poisson rates (x | x + x0 ~ Binomial(x + x0, n / (n + n0)), one-sided); "
        + "an alert opens at p < " + s.alpha() + " with at least " + s.minMentions() + " mentions (false-alarm rate "
        + s.alpha() + " per stable topic-week), keeps its baseline while open, closes after two weeks not above it; "
        + "ratio = episode rate / baseline rate. "
        + "Churn and expansion: an account raised a topic if it did so in the " + s.windowDays()
        + " days up to its outcome (retained accounts: up to the end of the period). "
        + "RR = [a/(a+b)] / [c/(c+d)] per segment, combined by Mantel-Haenszel, "
        + "RR_MH = Σ a(c+d)/N / Σ c(a+b)/N, 95% interval exp(ln RR_MH ± 1.96 √Var) with the Greenland-Robins variance; "
        + "p-value: Cochran-Mantel-Haenszel test (continuity-corrected, 1 df); crude RR with Fisher's exact test for reference; "
        + "q-value: Benjamini-Hochberg over all topics and both variants (raised, raised negatively) of one outcome; "
        + "significant when q < " + s.fdr() + ". ARR = ARR of accounts that raised it; ARR at risk = ARR of those that have not churned. "
        + SurveyImpact.FORMULAS;
  }

  private static long[] totals(FactTable table, @Nullable String topic, LocalDate from, LocalDate to) {
    Trends.Totals t = Trends.totals(table, topic, from, to);
    return new long[] {t.volume(), t.negative(), t.accounts()};
  }

  private static boolean linked(@Nullable Association a, double level) {
    return a != null && a.significantIncrease(level);
  }

  private static double bestQ(@Nullable Association a, @Nullable Association b) {
    double qa = a == null || Double.isNaN(a.qValue()) ? 1 : a.qValue();
    double qb = b == null || Double.isNaN(b.qValue()) ? 1 : b.qValue();
    return Math.min(qa, qb);
  }

  private static double ratio(long x, long n) {
    return n == 0 ? Double.NaN : (double) x / n;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
