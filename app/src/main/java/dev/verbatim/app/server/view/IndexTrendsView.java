package dev.verbatim.app.server.view;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.HistogramBucket;
import dev.verbatim.index.SearchRequest;
import java.io.IOException;
import java.util.List;

/** Trends as the index's time histogram of a search. Thread-safe. */
public final class IndexTrendsView implements TrendsView {
  private final java.util.function.Supplier<FeedbackSearch> search;

  /** @param search the workspace's index */
  public IndexTrendsView(java.util.function.Supplier<FeedbackSearch> search) {
    this.search = search;
  }

  @Override
  public List<HistogramBucket> series(SearchRequest filter, SearchRequest.Interval interval) throws IOException {
    SearchRequest r = new SearchRequest(filter.query(), filter.filters(), filter.since(), filter.until(),
        filter.ratingMin(), filter.ratingMax(), filter.sort(), 0, 0, false, interval, false, filter.moreLikeThis(),
        filter.semantic(), filter.similarTo(), filter.minSimilarity());
    return search.get().search(r).histogram();
  }
}
