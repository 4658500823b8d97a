package dev.verbatim.trends;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One bucket of a topic's time series.
 *
 * @param start first day of the bucket (UTC; weeks start on Monday, months on the 1st)
 * @param volume records raising the topic (near-duplicates once)
 * @param total all records in the bucket (under the same filters): the denominator of {@code share}
 * @param share {@code volume / total}; NaN when the bucket is empty
 * @param negative records whose sentences about the topic are negative
 * @param negativeShare {@code negative / volume}; NaN when {@code volume = 0}
 * @param meanSentiment mean document sentiment score of the records raising it, if any was scored
 * @param accounts distinct accounts among them
 * @param byChannel volume per channel
 * @param bySegment volume per account segment ({@code unknown} without one)
 */
public record SeriesPoint(
    LocalDate start,
    long volume,
    long total,
    double share,
    long negative,
    double negativeShare,
    @Nullable Double meanSentiment,
    long accounts,
    Map<String, Long> byChannel,
    Map<String, Long> bySegment) {
  public SeriesPoint {
    byChannel = Map.copyOf(byChannel);
    bySegment = Map.copyOf(bySegment);
  }
}
