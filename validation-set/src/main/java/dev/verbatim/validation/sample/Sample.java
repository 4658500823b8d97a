package dev.verbatim.validation.sample;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A drawn sample with how it was drawn, so it can be reproduced and weighted back.
 *
 * @param plan the plan (strategy, size, seed, overlap share)
 * @param populationSize records the sample was drawn from
 * @param strata per-stratum counts (one {@code "all"} stratum when not stratified)
 * @param items the drawn items, in review order
 */
public record Sample(SamplePlan plan, int populationSize, List<Stratum> strata, List<SampledItem> items) {
  public Sample {
    requireNonNull(plan, "plan");
    strata = List.copyOf(strata);
    items = List.copyOf(items);
  }
}
