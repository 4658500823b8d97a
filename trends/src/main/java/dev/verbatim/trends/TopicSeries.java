package dev.verbatim.trends;

import dev.verbatim.index.SearchRequest;
import java.util.List;

/**
 * A topic's volume and sentiment over event time.
 *
 * @param topic the topic id
 * @param interval the bucket size
 * @param points one per bucket from the first to the last of the period, empty buckets included
 * @param query the search behind the numbers (paste it into {@code verbatim search})
 */
public record TopicSeries(String topic, SearchRequest.Interval interval, List<SeriesPoint> points, String query) {
  public TopicSeries {
    points = List.copyOf(points);
  }
}
