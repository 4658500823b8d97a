package dev.verbatim.validation.sample;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What to draw.
 *
 * @param strategy how
 * @param n how many items (at most the population, or the targeted ids)
 * @param seed the random seed; the same plan over the same population draws the same sample
 * @param overlapShare the share of items labelled by two reviewers, in [0, 1]
 * @param targetIds for {@link Strategy#QUERY}: the ids to sample from (e.g. search hits)
 */
public record SamplePlan(
    Strategy strategy, int n, long seed, double overlapShare, List<String> targetIds) {
  public SamplePlan {
    requireNonNull(strategy, "strategy");
    if (n < 1) {
      throw new IllegalArgumentException("sample size must be at least 1, got " + n);
    }
    if (!(overlapShare >= 0 && overlapShare <= 1)) {
      throw new IllegalArgumentException("overlap share must be in [0, 1], got " + overlapShare);
    }
    targetIds = List.copyOf(targetIds);
  }

  /** A plan with a 10% overlap share and no target ids. */
  public static SamplePlan of(Strategy strategy, int n, long seed) {
    return new SamplePlan(strategy, n, seed, 0.1, List.of());
  }

  /** This plan with another overlap share. */
  public SamplePlan withOverlap(double share) {
    return new SamplePlan(strategy, n, seed, share, targetIds);
  }

  /** This plan with target ids. */
  public SamplePlan withTargets(List<String> ids) {
    return new SamplePlan(strategy, n, seed, overlapShare, ids);
  }
}
