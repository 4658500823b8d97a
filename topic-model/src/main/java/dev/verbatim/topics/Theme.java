package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A theme an analyst seeds before a fit: its name, phrases that typify it or a search query that
 * finds records about it, and optionally a parent theme (a hierarchy of at most two levels).
 *
 * @param name the theme's name, used as its topic's label; not blank
 * @param seeds phrases that typify it ("charged twice", "refund"); may be empty only with a query
 * @param parent the parent theme's name, or null for a top-level theme
 * @param query a search query (the index's query syntax) whose matching records typify the theme,
 *     resolved into seed phrases by the caller before a fit; or null
 */
public record Theme(String name, List<String> seeds, @Nullable String parent, @Nullable String query) {
  public Theme {
    requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("theme name is blank");
    seeds = List.copyOf(seeds);
    if (query != null && query.isBlank()) query = null;
    if (seeds.isEmpty() && query == null) {
      throw new IllegalArgumentException("theme '" + name + "' has neither seed phrases nor a query");
    }
    if (parent != null && parent.equals(name)) throw new IllegalArgumentException("theme '" + name + "' is its own parent");
  }

  /** A theme defined by seed phrases only. */
  public Theme(String name, List<String> seeds, @Nullable String parent) {
    this(name, seeds, parent, null);
  }

  /** This theme with {@code phrases} as its seeds (e.g. a query resolved into matching texts). */
  public Theme withSeeds(List<String> phrases) {
    return new Theme(name, phrases, parent, query);
  }
}
