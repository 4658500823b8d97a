package dev.verbatim.validation.queue;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.sample.Strategy;
import java.time.Instant;

/**
 * A stored sample's header.
 *
 * @param id the sample id
 * @param strategy how it was drawn
 * @param seed its seed
 * @param n requested size
 * @param overlapShare share labelled twice
 * @param populationSize records it was drawn from
 * @param items items stored
 * @param created when it was added
 */
public record SampleInfo(
    long id, Strategy strategy, long seed, int n, double overlapShare, int populationSize, int items, Instant created) {
  public SampleInfo {
    requireNonNull(strategy, "strategy");
    requireNonNull(created, "created");
  }
}
