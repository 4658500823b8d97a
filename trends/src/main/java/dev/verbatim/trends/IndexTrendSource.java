package dev.verbatim.trends;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.Hit;
import dev.verbatim.index.SearchRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Facts from the Lucene index: {@link FeedbackSearch#scan} over doc values (about a second per
 * million records), verbatims by a search sorted newest first. The caller owns and closes the
 * search. As thread-safe as {@link FeedbackSearch}.
 */
public final class IndexTrendSource implements TrendSource {
  private final FeedbackSearch search;

  /** A source reading {@code search}. */
  public IndexTrendSource(FeedbackSearch search) {
    this.search = requireNonNull(search, "search");
  }

  @Override
  public void scan(@Nullable Instant until, Consumer<dev.verbatim.index.RecordFacts> sink) throws IOException {
    search.scan(SearchRequest.builder("").until(until).limit(0).highlight(false).build(), false, sink);
  }

  @Override
  public List<Verbatim> verbatims(
      String topic, @Nullable String polarity, @Nullable Instant since, @Nullable Instant until, int n)
      throws IOException {
    String query = Queries.topic(topic, polarity);
    SearchRequest request =
        SearchRequest.builder(query)
            .since(since)
            .until(until)
            .sort(SearchRequest.Sort.TIME_DESC)
            .limit(Math.max(n * CANDIDATES_PER_QUOTE, n))
            .highlight(false)
            .build();
    List<VerbatimChoice.Candidate> candidates = new ArrayList<>();
    for (Hit h : search.search(request).hits()) {
      candidates.add(new VerbatimChoice.Candidate(
          new Verbatim(h.key(), h.eventTime(), h.channel(), h.accountId(), h.text()), h.topics()));
    }
    return VerbatimChoice.choose(candidates, topic, n);
  }

  /** Recent records read per quote wanted, to choose the quotes from ({@link VerbatimChoice}). */
  private static final int CANDIDATES_PER_QUOTE = 20;
}
