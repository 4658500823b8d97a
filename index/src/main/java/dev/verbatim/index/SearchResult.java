package dev.verbatim.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of search results, with facet counts and a time histogram when asked for.
 *
 * @param total how many records match in all
 * @param hits the page asked for, in the order asked for
 * @param facets per facet ({@code channel, sentiment, topic, segment, language, source}), its
 *     values and how many matching records carry each, most frequent first; empty when not asked
 * @param histogram buckets in time order, empty buckets included between the first and the last;
 *     empty when not asked
 */
@JsonPropertyOrder({"total", "hits", "facets", "histogram"})
public record SearchResult(
    long total,
    List<Hit> hits,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Long>> facets,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HistogramBucket> histogram) {
  public SearchResult {
    hits = List.copyOf(hits);
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    facets.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    facets = Collections.unmodifiableMap(copy);
    histogram = List.copyOf(histogram);
  }

  /** Hits only, no facets, no histogram. */
  public SearchResult(long total, List<Hit> hits) {
    this(total, hits, Map.of(), List.of());
  }
}
