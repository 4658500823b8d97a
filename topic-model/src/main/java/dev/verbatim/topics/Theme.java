package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A theme an analyst seeds before a fit: its name, phrases that typify it, and optionally a parent
 * theme (a hierarchy of at most two levels).
 *
 * @param name the theme's name, used as its topic's label; not blank
 * @param seeds phrases that typify it ("charged twice", "refund"); at least one
 * @param parent the parent theme's name, or null for a top-level theme
 */
public record Theme(String name, List<String> seeds, @Nullable String parent) {
  public Theme {
    requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("theme name is blank");
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) throw new IllegalArgumentException("theme '" + name + "' has no seed phrases");
  }
}
