package dev.verbatim.validation.sample;

import static java.util.Objects.requireNonNull;

/**
 * A stratum's size in the population and in the sample, kept with the sample for
 * post-stratification.
 *
 * @param key channel|predicted|topic
 * @param populationCount records of the population in it
 * @param sampleCount records drawn from it
 */
public record Stratum(String key, int populationCount, int sampleCount) {
  public Stratum {
    requireNonNull(key, "key");
  }
}
