package dev.verbatim.trends.report;

import dev.verbatim.trends.Association;
import dev.verbatim.trends.EmergingAlert;
import dev.verbatim.trends.SurveyImpact;
import dev.verbatim.trends.TopicSeries;
import dev.verbatim.trends.Verbatim;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the friction report shows, as numbers; the writers only format it.
 *
 * @param since first day of the period
 * @param until last day of the period
 * @param windowDays the exposure window before outcomes
 * @param records feedback records in the period (near-duplicates once)
 * @param duplicates near-duplicates skipped (whole scan)
 * @param accounts accounts in the association population
 * @param sentimentAccuracy accuracy of the sentiment labels, if the validation module measured it
 * @param topRising topic ids with an emerging alert in the period, strongest first
 * @param topChurn topic ids significantly linked to churn, strongest first
 * @param delightful topic ids linked to expansion or to promoters, strongest first
 * @param topics every topic raised in the period: friction topics first
 * @param methods the formulas and tests, stated once
 */
public record FrictionReport(
    LocalDate since,
    LocalDate until,
    int windowDays,
    long records,
    long duplicates,
    long accounts,
    @Nullable SentimentAccuracy sentimentAccuracy,
    List<String> topRising,
    List<String> topChurn,
    List<String> delightful,
    List<TopicReport> topics,
    String methods) {

  public FrictionReport {
    topRising = List.copyOf(topRising);
    topChurn = List.copyOf(topChurn);
    delightful = List.copyOf(delightful);
    topics = List.copyOf(topics);
  }

  /** The topic with {@code id}, or {@code null}. */
  public @Nullable TopicReport topic(String id) {
    for (TopicReport t : topics) if (t.id().equals(id)) return t;
    return null;
  }

  /**
   * One topic's figures.
   *
   * @param id topic id
   * @param label its name (the id when none is known)
   * @param volume records raising it in the period
   * @param share {@code volume} over all records in the period
   * @param negative records whose sentences about it are negative
   * @param negativeShare {@code negative / volume}
   * @param accounts distinct accounts that raised it in the period
   * @param now the last weeks against the weeks before
   * @param emerging the latest emerging alert overlapping the period, if any
   * @param churn churn association of raising it at all
   * @param churnNegative churn association of raising it negatively
   * @param expansion expansion association of raising it at all
   * @param expansionNegative expansion association of raising it negatively
   * @param survey NPS / CSAT / CES of respondents raising it against the others
   * @param verbatims representative redacted quotes (negative for friction, positive for delight)
   * @param weekly the weekly series over the period
   * @param friction shown as a friction topic
   * @param delight shown as a delightful theme
   * @param query search behind volume and share
   * @param negativeQuery search behind the negative figures
   */
  public record TopicReport(
      String id,
      String label,
      long volume,
      double share,
      long negative,
      double negativeShare,
      long accounts,
      Now now,
      @Nullable EmergingAlert emerging,
      @Nullable Association churn,
      @Nullable Association churnNegative,
      @Nullable Association expansion,
      @Nullable Association expansionNegative,
      List<SurveyImpact> survey,
      List<Verbatim> verbatims,
      TopicSeries weekly,
      boolean friction,
      boolean delight,
      String query,
      String negativeQuery) {
    public TopicReport {
      survey = List.copyOf(survey);
      verbatims = List.copyOf(verbatims);
    }
  }

  /**
   * The topic's last weeks ("now") against the weeks before ("baseline").
   *
   * @param from first day of now
   * @param to last day of now
   * @param share share of all records now
   * @param negativeShare negative share of its mentions now
   * @param volume mentions now
   * @param baselineFrom first day of the baseline
   * @param baselineTo last day of the baseline
   * @param baselineShare share of all records in the baseline
   * @param baselineNegativeShare negative share of its mentions in the baseline
   * @param baselineVolume mentions in the baseline
   * @param query search behind now
   * @param baselineQuery search behind the baseline
   */
  public record Now(
      LocalDate from, LocalDate to, double share, double negativeShare, long volume,
      LocalDate baselineFrom, LocalDate baselineTo, double baselineShare, double baselineNegativeShare,
      long baselineVolume, String query, String baselineQuery) {}
}
