package dev.verbatim.validation.sample;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.PopulationRecord;

/**
 * One drawn record.
 *
 * @param record the record
 * @param stratum the stratum key it was drawn from ({@code "all"} when not stratified)
 * @param weight the inverse of its inclusion probability: how many population records it stands for
 * @param overlap whether two reviewers should label it (for agreement)
 */
public record SampledItem(PopulationRecord record, String stratum, double weight, boolean overlap) {
  public SampledItem {
    requireNonNull(record, "record");
    requireNonNull(stratum, "stratum");
  }
}
