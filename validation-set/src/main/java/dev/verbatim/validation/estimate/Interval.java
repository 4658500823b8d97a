package dev.verbatim.validation.estimate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A point estimate with its confidence interval.
 *
 * @param estimate the point estimate
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(
    @JsonProperty("estimate") double estimate,
    @JsonProperty("ci_low") double low,
    @JsonProperty("ci_high") double high) {

  /** The interval's half-width. */
  public double margin() {
    return (high - low) / 2;
  }

  /** Whether {@code x} lies inside, bounds included. */
  public boolean covers(double x) {
    return x >= low && x <= high;
  }
}
