package dev.verbatim.topics;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analysts steer: seeded themes and topic renames. It lives in its own versioned file
 * ({@code store.TaxonomyStore}) beside the model snapshots, and is applied after every refit and
 * alignment, so edits survive refits (ids are stable, see {@code align.TopicAligner}).
 *
 * @param themes seeded themes, by name (unique); a parent must be a top-level theme in the list
 * @param renames analysts' labels by topic id
 */
public record Taxonomy(List<Theme> themes, Map<TopicId, String> renames) {
  public Taxonomy {
    themes = List.copyOf(themes);
    renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    Set<String> names = new HashSet<>();
    for (Theme t : themes) {
      if (!names.add(t.name())) throw new IllegalArgumentException("duplicate theme '" + t.name() + "'");
    }
    for (Theme t : themes) {
      if (t.parent() == null) continue;
      Theme p = themes.stream().filter(x -> x.name().equals(t.parent())).findFirst().orElseThrow(
          () -> new IllegalArgumentException("theme '" + t.name() + "' has unknown parent '" + t.parent() + "'"));
      if (p.parent() != null) {
        throw new IllegalArgumentException("theme '" + t.name() + "' would be a third level (parent '" + p.name()
            + "' has parent '" + p.parent() + "'); the hierarchy has at most two levels");
      }
    }
  }

  /** Returns an empty taxonomy. */
  public static Taxonomy empty() {
    return new Taxonomy(List.of(), Map.of());
  }

  /** Returns this taxonomy with topic {@code id} renamed to {@code label}. */
  public Taxonomy withRename(TopicId id, String label) {
    Map<TopicId, String> r = new LinkedHashMap<>(renames);
    r.put(id, label);
    return new Taxonomy(themes, r);
  }

  /** Returns {@code model} with the renames applied to the topics it has (others are kept for later refits). */
  public TopicModel applyTo(TopicModel model) {
    TopicModel m = model;
    for (Topic t : model.topics()) {
      String label = renames.get(t.id());
      if (label != null) m = m.withLabel(t.id(), label);
    }
    return m;
  }
}
