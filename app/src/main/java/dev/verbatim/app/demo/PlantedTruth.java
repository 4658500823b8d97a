package dev.verbatim.app.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What the generator planted, so tests can check that the product finds it; written as
 * {@code planted-truth.json} (see PLANTED.md beside the generator for the meaning of every field).
 *
 * @param plantedEffects false for a null corpus: growth multiplier 1, no outcome links, no
 *     confounder skew (PII and malformed rows are planted either way)
 * @param periodStart first day observed
 * @param periodEnd last day observed, inclusive
 * @param feedbackRecords records written over the four feedback channels, malformed ones included
 * @param validFeedbackRecords feedback records that break no contract (= feedbackRecords minus all
 *     malformed)
 * @param scoreOnlySurveyRows survey rows with a valid score and an empty comment (valid, nothing to
 *     analyse)
 * @param surveyResubmissions survey rows that repeat an earlier row of the same person (same score
 *     and comment, new response_id, minutes later); valid, to be counted once; excluded from
 *     {@code themeMonthlyCounts} and the growth shares
 * @param growth the theme whose volume jumps at a known date
 * @param outcomeLinks themes tied to churn or expansion, with realised counts per segment
 * @param confounder a theme raised mostly by one segment and tied to no outcome within segments
 * @param pii planted PII in customer-written text (signatures and quoted replies excluded), per
 *     kind, plus {@code total}
 * @param signaturePii PII inside ticket signatures (which the clean stage removes), per kind
 * @param malformed malformed records per file and kind
 * @param themeMonthlyCounts per theme, records (malformed excluded) raising it per month
 *     ({@code yyyy-MM})
 */
public record PlantedTruth(
    boolean plantedEffects,
    LocalDate periodStart,
    LocalDate periodEnd,
    long feedbackRecords,
    long validFeedbackRecords,
    long scoreOnlySurveyRows,
    long surveyResubmissions,
    Growth growth,
    List<OutcomeLink> outcomeLinks,
    Confounder confounder,
    SortedMap<String, Long> pii,
    SortedMap<String, Long> signaturePii,
    SortedMap<String, SortedMap<String, Long>> malformed,
    SortedMap<String, SortedMap<String, Long>> themeMonthlyCounts) {

  /**
   * A theme whose rate of mention is multiplied at {@code start}.
   *
   * @param theme theme id
   * @param start first day of the higher rate
   * @param multiplier planted ratio of the per-record probability of the theme after vs before
   *     (1 in a null corpus)
   * @param meanPerMonthBefore realised mean monthly count before {@code start}
   * @param meanPerMonthAfter realised mean monthly count from {@code start}
   * @param shareBefore realised share of valid text records raising the theme before {@code start}
   * @param shareAfter the same share from {@code start}; shareAfter / shareBefore is close to
   *     {@code multiplier} (volumes also move with the number of active accounts)
   */
  public record Growth(
      String theme,
      LocalDate start,
      double multiplier,
      double meanPerMonthBefore,
      double meanPerMonthAfter,
      double shareBefore,
      double shareAfter) {}

  /**
   * A theme tied to an account outcome: accounts that raise it (in the window before the outcome,
   * for accounts with the outcome) have the outcome {@code plantedRelativeRisk} times as often as
   * accounts of the same segment that do not.
   *
   * @param theme theme id
   * @param outcome {@code churn} or {@code expansion}
   * @param windowDays every mention by an account with the outcome falls in this many days before it
   * @param plantedRelativeRisk the relative risk the generator aimed at, within each segment
   * @param strata realised 2x2 counts per segment
   * @param realizedRelativeRiskMh Mantel-Haenszel relative risk over the strata
   * @param crudeRelativeRisk relative risk ignoring segments
   */
  public record OutcomeLink(
      String theme,
      String outcome,
      int windowDays,
      double plantedRelativeRisk,
      List<Stratum> strata,
      double realizedRelativeRiskMh,
      double crudeRelativeRisk) {}

  /**
   * Realised counts of one segment.
   *
   * @param segment segment name
   * @param exposed accounts that raised the theme
   * @param exposedWithOutcome of those, accounts with the outcome
   * @param unexposed accounts that did not raise it
   * @param unexposedWithOutcome of those, accounts with the outcome
   */
  public record Stratum(
      String segment, int exposed, int exposedWithOutcome, int unexposed, int unexposedWithOutcome) {}

  /**
   * The confounder trap: raised mostly by one segment, causally tied to nothing.
   *
   * @param theme theme id
   * @param raisedShareBySegment share of each segment's accounts that raise it
   * @param churn realised association with churn (crude far from 1, Mantel-Haenszel near 1)
   * @param expansion realised association with expansion
   */
  public record Confounder(
      String theme, SortedMap<String, Double> raisedShareBySegment, OutcomeLink churn, OutcomeLink expansion) {}
}
