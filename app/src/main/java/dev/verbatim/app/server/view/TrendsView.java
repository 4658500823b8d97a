package dev.verbatim.app.server.view;

import dev.verbatim.index.HistogramBucket;
import dev.verbatim.index.SearchRequest;
import java.io.IOException;
import java.util.List;

/**
 * Volume and negative share over time for any search. Seam: {@link IndexTrendsView} reads the
 * index's histogram; the trends module can add emerging-issue scores and churn by another
 * implementation.
 */
public interface TrendsView {
  /** Buckets of the records {@code filter} matches, oldest first. */
  List<HistogramBucket> series(SearchRequest filter, SearchRequest.Interval interval) throws IOException;
}
