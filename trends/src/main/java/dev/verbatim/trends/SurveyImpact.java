package dev.verbatim.trends;

import dev.verbatim.trends.stats.Interval;

/**
 * A survey score of respondents who raised a topic against those who did not (key-driver view).
 *
 * @param topic the topic id
 * @param metric {@code nps} (points, -100..100), {@code csat} (percent of 4-5 on 1-5) or {@code ces}
 *     (mean on 1-7)
 * @param raisedN responses that raised the topic
 * @param raised the score of those, with its 95% interval
 * @param otherN responses that did not
 * @param other the score of those, with its 95% interval
 * @param difference {@code raised − other} with its 95% interval and p-value
 * @param query the search behind the raised group
 */
public record SurveyImpact(
    String topic, String metric, long raisedN, Interval raised, long otherN, Interval other, Interval difference,
    String query) {

  /** The formulas, exactly as the report states them. */
  public static final String FORMULAS =
      "NPS = 100 × (promoters 9–10 − detractors 0–6) / responses, on the 0–10 scale; "
          + "95% interval NPS ± 1.96 × 100 × √((p₉₋₁₀ + p₀₋₆ − (p₉₋₁₀ − p₀₋₆)²) / n). "
          + "CSAT = 100 × responses of 4 or 5 / responses, on the 1–5 scale; Wilson 95% interval. "
          + "CES = mean response on the 1–7 scale; 95% interval mean ± t(n−1) × s / √n. "
          + "Differences (raised − not raised): z-test for NPS, Fisher's exact test for CSAT, Welch's t-test for CES.";
}
