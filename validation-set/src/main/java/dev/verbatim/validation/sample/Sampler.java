package dev.verbatim.validation.sample;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.PopulationRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws samples from a population, reproducibly: the same plan over the same population (same
 * order) gives the same sample. Stateless and thread-safe.
 *
 * <p>Stratified samples use square-root allocation (n_h proportional to sqrt(N_h), at least two per
 * stratum when the size allows), which over-samples small strata so that rare cells (e.g. positive
 * tickets about a rare topic) get reviewed; each item keeps its weight N_h / n_h so estimates are
 * weighted back to the population.
 */
public final class Sampler {

  /** The stratum key of a record: channel|predicted|top topic. */
  public static String stratumOf(PopulationRecord r) {
    return r.channel() + "|" + r.predicted().wire() + "|" + r.topTopic();
  }

  /** Draws a sample from the population according to the plan. */
  public Sample draw(List<PopulationRecord> population, SamplePlan plan) {
    requireNonNull(population, "population");
    requireNonNull(plan, "plan");
    Random rng = new Random(plan.seed());
    return switch (plan.strategy()) {
      case STRATIFIED -> stratified(population, plan, rng);
      case UNCERTAINTY -> uncertainty(population, plan, rng);
      case DISAGREEMENT -> simple(population, plan, rng, disagreements(population));
      case QUERY -> simple(population, plan, rng, targeted(population, plan.targetIds()));
    };
  }

  private static Sample stratified(List<PopulationRecord> population, SamplePlan plan, Random rng) {
    Map<String, List<PopulationRecord>> byStratum = new TreeMap<>();
    for (PopulationRecord r : population) {
      byStratum.computeIfAbsent(stratumOf(r), k -> new ArrayList<>()).add(r);
    }
    List<String> keys = new ArrayList<>(byStratum.keySet());
    int[] sizes = keys.stream().mapToInt(k -> byStratum.get(k).size()).toArray();
    int[] alloc = allocate(sizes, Math.min(plan.n(), population.size()));
    List<SampledItem> items = new ArrayList<>();
    List<Stratum> strata = new ArrayList<>();
    for (int h = 0; h < keys.size(); h++) {
      List<PopulationRecord> members = new ArrayList<>(byStratum.get(keys.get(h)));
      Collections.shuffle(members, rng);
      double weight = alloc[h] == 0 ? 0 : (double) sizes[h] / alloc[h];
      for (int i = 0; i < alloc[h]; i++) {
        items.add(new SampledItem(members.get(i), keys.get(h), weight, false));
      }
      strata.add(new Stratum(keys.get(h), sizes[h], alloc[h]));
    }
    return finish(plan, population.size(), strata, items, rng);
  }

  /**
   * Square-root allocation of n over strata of the given sizes: each stratum first gets up to two
   * (one when n is too small for two each), then units go one by one to the stratum furthest below
   * its target n * sqrt(N_h) / sum sqrt(N_k), never above N_h.
   */
  static int[] allocate(int[] sizes, int n) {
    int strata = sizes.length;
    int[] alloc = new int[strata];
    int minimum = n >= 2 * strata ? 2 : n >= strata ? 1 : 0;
    int left = n;
    for (int h = 0; h < strata; h++) {
      alloc[h] = Math.min(minimum, sizes[h]);
      left -= alloc[h];
    }
    double sumSqrt = 0;
    for (int s : sizes) {
      sumSqrt += Math.sqrt(s);
    }
    double[] target = new double[strata];
    for (int h = 0; h < strata; h++) {
      target[h] = n * Math.sqrt(sizes[h]) / sumSqrt;
    }
    while (left > 0) {
      int best = -1;
      double bestGap = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < strata; h++) {
        if (alloc[h] < sizes[h] && target[h] - alloc[h] > bestGap) {
          bestGap = target[h] - alloc[h];
          best = h;
        }
      }
      if (best < 0) {
        break;
      }
      alloc[best]++;
      left--;
    }
    return alloc;
  }

  private static Sample uncertainty(List<PopulationRecord> population, SamplePlan plan, Random rng) {
    List<PopulationRecord> order = new ArrayList<>(population);
    Collections.shuffle(order, rng); // random tie-breaking among equal confidences
    order.sort(Comparator.comparingDouble(PopulationRecord::confidence));
    int n = Math.min(plan.n(), order.size());
    List<SampledItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(new SampledItem(order.get(i), "all", 1.0, false));
    }
    return finish(plan, population.size(), List.of(new Stratum("all", population.size(), n)), items, rng);
  }

  private static Sample simple(
      List<PopulationRecord> population, SamplePlan plan, Random rng, List<PopulationRecord> candidates) {
    List<PopulationRecord> order = new ArrayList<>(candidates);
    Collections.shuffle(order, rng);
    int n = Math.min(plan.n(), order.size());
    double weight = n == 0 ? 0 : (double) order.size() / n;
    List<SampledItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(new SampledItem(order.get(i), "all", weight, false));
    }
    return finish(plan, population.size(), List.of(new Stratum("all", order.size(), n)), items, rng);
  }

  static List<PopulationRecord> disagreements(List<PopulationRecord> population) {
    List<PopulationRecord> out = new ArrayList<>();
    for (PopulationRecord r : population) {
      boolean scorers = r.secondOpinion() != null && r.secondOpinion() != r.predicted();
      boolean theme = r.seededTheme() != null && !r.topicIds().contains(r.seededTheme());
      if (scorers || theme) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<PopulationRecord> targeted(List<PopulationRecord> population, List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    Map<String, PopulationRecord> found = new LinkedHashMap<>();
    for (PopulationRecord r : population) {
      if (wanted.contains(r.id())) {
        found.putIfAbsent(r.id(), r);
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Shuffles the review order and marks the overlap share. */
  private static Sample finish(
      SamplePlan plan, int populationSize, List<Stratum> strata, List<SampledItem> items, Random rng) {
    List<SampledItem> order = new ArrayList<>(items);
    Collections.shuffle(order, rng);
    int overlap = (int) Math.round(plan.overlapShare() * order.size());
    List<SampledItem> out = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      SampledItem it = order.get(i);
      out.add(new SampledItem(it.record(), it.stratum(), it.weight(), i < overlap));
    }
    return new Sample(plan, populationSize, strata, out);
  }
}
