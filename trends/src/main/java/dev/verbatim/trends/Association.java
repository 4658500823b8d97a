package dev.verbatim.trends;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How much more (or less) often accounts that raised a topic had an outcome than accounts that did
 * not, stratified by segment.
 *
 * @param topic the topic id
 * @param negativeOnly true for "raised it with negative sentiment", false for "raised it at all"
 * @param outcome {@code churn} or {@code expansion}
 * @param accounts accounts that raised it in the window before their outcome (or before the end of
 *     the period, when they had none): the exposed
 * @param events exposed accounts that had the outcome
 * @param otherAccounts accounts that did not raise it
 * @param otherEvents of which had the outcome
 * @param rate {@code events / accounts}
 * @param otherRate {@code otherEvents / otherAccounts}
 * @param relativeRisk Mantel-Haenszel relative risk over segments (= crude with one segment)
 * @param ciLow lower 95% bound (Greenland-Robins)
 * @param ciHigh upper 95% bound
 * @param pValue Cochran-Mantel-Haenszel p-value (two-sided, continuity-corrected); NaN if untestable
 * @param qValue Benjamini-Hochberg q over every test of this outcome (all topics, both variants)
 * @param crudeRelativeRisk the unstratified relative risk (what a product that ignores segments says)
 * @param crudePValue Fisher's exact p-value of the unstratified table
 * @param strata the 2x2 table per segment
 * @param arr ARR held by the exposed accounts
 * @param arrAtRisk churn only: ARR of exposed accounts that have not churned (they raised it in the
 *     last window of the period and are still customers); {@code null} for expansion
 * @param arrChange ARR lost (churn, positive number) or gained (expansion) by exposed accounts with
 *     the outcome: |arr_change|, or the account's ARR for a churn without one
 * @param query the search behind the exposure (records of the topic in the period and the window
 *     before it)
 */
public record Association(
    String topic,
    boolean negativeOnly,
    String outcome,
    long accounts,
    long events,
    long otherAccounts,
    long otherEvents,
    double rate,
    double otherRate,
    double relativeRisk,
    double ciLow,
    double ciHigh,
    double pValue,
    double qValue,
    double crudeRelativeRisk,
    double crudePValue,
    List<Stratum> strata,
    double arr,
    @Nullable Double arrAtRisk,
    double arrChange,
    String query) {

  public Association {
    strata = List.copyOf(strata);
  }

  /** True when {@code qValue < level} and the risk is raised ({@code RR > 1}). */
  public boolean significantIncrease(double level) {
    return qValue < level && relativeRisk > 1;
  }

  /** A copy with the q-value set. */
  Association withQ(double q) {
    return new Association(topic, negativeOnly, outcome, accounts, events, otherAccounts, otherEvents, rate, otherRate,
        relativeRisk, ciLow, ciHigh, pValue, q, crudeRelativeRisk, crudePValue, strata, arr, arrAtRisk, arrChange, query);
  }

  /**
   * One segment's 2x2 table.
   *
   * @param segment the segment ({@code unknown} for accounts without one)
   * @param a exposed with the outcome
   * @param b exposed without
   * @param c unexposed with the outcome
   * @param d unexposed without
   */
  public record Stratum(String segment, long a, long b, long c, long d) {}
}
