package dev.verbatim.validation.estimate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * How right the machine's sentiment is, from reviewer labels.
 *
 * @param labels labelled items used
 * @param scope {@code population} when weighted back to the population (stratified samples),
 *     {@code sample} when it only describes the labelled items (uncertainty, disagreement, query)
 * @param accuracy accuracy with a Wilson interval (on the effective sample size when weighted)
 * @param macroF1 macro-F1 with a seeded stratified-bootstrap percentile interval
 * @param perClass precision, recall, F1 per label (weighted like the point estimates)
 * @param confusion rows = reviewer label, columns = machine label, order negative, neutral,
 *     positive; weighted to the population when scope is population
 */
public record SentimentEstimate(
    int labels,
    String scope,
    Interval accuracy,
    @JsonProperty("macro_f1") Interval macroF1,
    @JsonProperty("per_class") Map<String, ClassScores> perClass,
    List<List<Double>> confusion) {
  public SentimentEstimate {
    perClass = Map.copyOf(perClass);
    confusion = List.copyOf(confusion);
  }
}
