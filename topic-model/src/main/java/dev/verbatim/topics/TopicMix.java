package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's distribution over topics: weights in [0, 1] that sum to 1, most probable first (ties
 * by topic id). Never empty.
 *
 * @param weights topic → weight; normalised to sum to 1 on construction
 */
public record TopicMix(Map<TopicId, Double> weights) {
  public TopicMix {
    requireNonNull(weights, "weights");
    if (weights.isEmpty()) throw new IllegalArgumentException("a topic mix needs at least one topic");
    double sum = 0;
    for (Map.Entry<TopicId, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("bad weight " + w + " for " + e.getKey());
      }
      sum += w;
    }
    if (!(sum > 0)) throw new IllegalArgumentException("weights sum to " + sum);
    List<Map.Entry<TopicId, Double>> entries = new ArrayList<>(weights.entrySet());
    entries.sort(
        Comparator.<Map.Entry<TopicId, Double>>comparingDouble(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    LinkedHashMap<TopicId, Double> sorted = new LinkedHashMap<>();
    for (Map.Entry<TopicId, Double> e : entries) {
      if (e.getValue() > 0) sorted.put(e.getKey(), e.getValue() / sum);
    }
    weights = java.util.Collections.unmodifiableMap(sorted);
  }

  /** Returns the most probable topic. */
  public TopicId top() {
    return weights.keySet().iterator().next();
  }

  /** Returns the weight of {@code id}, 0 when absent. */
  public double weight(TopicId id) {
    return weights.getOrDefault(id, 0.0);
  }
}
