package dev.verbatim.validation.estimate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sample.Stratum;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code validate stats} reports about one sample: the machine's sentiment accuracy and
 * macro-F1 with intervals, per-class scores, confusion matrix, per-topic precision, and agreement
 * between reviewers on the overlap items.
 *
 * @param labels items with a reviewer sentiment (the reference label: the earliest)
 * @param scope {@code population} or {@code sample}, see {@link SentimentEstimate#scope()}
 * @param accuracy accuracy with interval
 * @param macroF1 macro-F1 with interval
 * @param perClass per-label precision, recall, F1
 * @param confusion rows = reviewer, columns = machine (negative, neutral, positive)
 * @param topicPrecision per topic id: share of assignments reviewers marked right (Wilson), over the
 *     labelled items (not weighted)
 * @param kappa Cohen's kappa of the first two reviewers on overlap items; null without pairs
 * @param alpha Krippendorff's alpha (nominal) over all items with two or more labels; null without
 * @param agreementItems items with two or more sentiment labels
 * @param flagged items flagged by a reviewer
 * @param piiUnmasked items where a reviewer saw unmasked personal data
 */
public record ValidationStats(
    int labels,
    String scope,
    Interval accuracy,
    @JsonProperty("macro_f1") Interval macroF1,
    @JsonProperty("per_class") Map<String, ClassScores> perClass,
    List<List<Double>> confusion,
    @JsonProperty("topic_precision") Map<String, Interval> topicPrecision,
    @Nullable Double kappa,
    @Nullable Double alpha,
    @JsonProperty("agreement_items") int agreementItems,
    int flagged,
    @JsonProperty("pii_unmasked") int piiUnmasked) {

  /**
   * Computes the statistics of a sample's labelled items.
   *
   * @param items the sample's items with their current labels
   * @param strata the sample's strata (population sizes)
   * @param strategy how the sample was drawn: only stratified samples are weighted to the population
   * @param estimator interval settings
   */
  public static ValidationStats compute(
      List<LabeledItem> items, List<Stratum> strata, Strategy strategy, Estimator estimator) {
    List<Observation> obs = new ArrayList<>();
    List<Map.Entry<SentimentLabel, SentimentLabel>> pairs = new ArrayList<>();
    List<List<SentimentLabel>> units = new ArrayList<>();
    Map<String, int[]> topics = new TreeMap<>();
    int flagged = 0;
    int pii = 0;
    for (LabeledItem li : items) {
      li.reference().ifPresent(ref -> obs.add(new Observation(li.item().stratum(),
          requireSentiment(ref), li.item().predicted())));
      List<SentimentLabel> values = new ArrayList<>();
      boolean isFlagged = false;
      boolean isPii = false;
      for (Label l : li.labels()) {
        if (l.sentiment() != null) {
          values.add(l.sentiment());
        }
        isFlagged |= l.flagged();
        isPii |= l.piiUnmasked();
        for (Map.Entry<String, Boolean> v : l.topicVerdicts().entrySet()) {
          int[] rw = topics.computeIfAbsent(v.getKey(), k -> new int[2]);
          rw[v.getValue() ? 0 : 1]++;
        }
      }
      flagged += isFlagged ? 1 : 0;
      pii += isPii ? 1 : 0;
      if (values.size() >= 2) {
        units.add(values);
        pairs.add(new AbstractMap.SimpleImmutableEntry<>(values.get(0), values.get(1)));
      }
    }
    Map<String, Integer> sizes = null;
    if (strategy.representative()) {
      sizes = new HashMap<>();
      for (Stratum s : strata) {
        sizes.put(s.key(), s.populationCount());
      }
    }
    SentimentEstimate e = estimator.estimate(obs, sizes);
    Map<String, Interval> topicPrecision = new TreeMap<>();
    for (Map.Entry<String, int[]> t : topics.entrySet()) {
      int right = t.getValue()[0];
      int n = right + t.getValue()[1];
      topicPrecision.put(t.getKey(), Intervals.wilson(right, n, 0.95));
    }
    return new ValidationStats(e.labels(), e.scope(), e.accuracy(), e.macroF1(), e.perClass(), e.confusion(),
        topicPrecision, finite(Agreement.cohensKappa(pairs)), finite(Agreement.krippendorffAlpha(units)),
        units.size(), flagged, pii);
  }

  private static SentimentLabel requireSentiment(Label l) {
    SentimentLabel s = l.sentiment();
    if (s == null) {
      throw new IllegalStateException("reference label without sentiment");
    }
    return s;
  }

  private static @Nullable Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * The figures as the {@code validate stats --json} and {@code GET /api/review/stats} objects give
   * them, for {@code sample}: {@code sample, strategy, labels, scope, accuracy, macro_f1, kappa,
   * alpha, agreement_items, per_class, confusion, topic_precision, flagged, pii_unmasked}; the
   * estimates are null (per_class empty) while nothing is labelled. Insertion-ordered and mutable,
   * so a caller may add fields.
   */
  public Map<String, Object> summary(dev.verbatim.validation.queue.SampleInfo sample) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("sample", sample.id());
    m.put("strategy", sample.strategy().wire());
    m.put("labels", labels());
    m.put("scope", scope());
    m.put("accuracy", labels() == 0 ? null : accuracy());
    m.put("macro_f1", labels() == 0 ? null : macroF1());
    m.put("kappa", kappa());
    m.put("alpha", alpha());
    m.put("agreement_items", agreementItems());
    m.put("per_class", labels() == 0 ? Map.of() : perClass());
    m.put("confusion", confusion());
    m.put("topic_precision", topicPrecision());
    m.put("flagged", flagged());
    m.put("pii_unmasked", piiUnmasked());
    return m;
  }
}
