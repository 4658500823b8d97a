package dev.verbatim.index;

import java.util.List;

/**
 * A page of search results.
 *
 * @param total how many records match in all
 * @param hits the page asked for, best first
 */
public record SearchResult(long total, List<Hit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
