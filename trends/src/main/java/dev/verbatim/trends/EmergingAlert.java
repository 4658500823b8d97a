package dev.verbatim.trends;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A topic whose negative mentions rose above its own baseline: an episode of consecutive weeks.
 *
 * @param topic the topic id
 * @param since Monday of the first week flagged
 * @param until Monday of the last week still above the baseline; {@code null} while it lasts
 * @param isNew the topic was never raised before the episode (no baseline to compare with)
 * @param ratio the episode's negative-mention rate per record over the baseline's; {@code null} for
 *     a new topic
 * @param pValue one-sided p-value of the episode against the baseline (exact conditional test of two
 *     Poisson rates); the first week alone had {@code p < α}
 * @param mentions negative mentions during the episode
 * @param records all records during the episode (the volume the rate is per)
 * @param baselineMentions negative mentions in the baseline weeks before {@code since}
 * @param baselineRecords all records in those weeks
 * @param query the search behind the episode's mentions
 */
public record EmergingAlert(
    String topic,
    LocalDate since,
    @Nullable LocalDate until,
    boolean isNew,
    @Nullable Double ratio,
    double pValue,
    long mentions,
    long records,
    long baselineMentions,
    long baselineRecords,
    String query) {

  /** True while the episode is still going on at the end of the data. */
  public boolean active() {
    return until == null;
  }
}
