package dev.verbatim.topics;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analysts steer: seeded themes, topic renames, merges and splits. It lives in its own
 * versioned file ({@code store.TaxonomyStore}) beside the model snapshots and is applied after every
 * refit and alignment; ids are stable across refits ({@code align.TopicAligner}), so edits keyed by
 * id survive them.
 *
 * @param themes seeded themes, by name (unique); a parent must be a top-level theme in the list
 * @param renames analysts' labels by topic id
 * @param merges topic id → the topic id it is merged into (the first keeps existing in the fitted
 *     model, so a refit can match it again, and is folded into the second after each fit)
 * @param splits topic id → the id of the part split off it (a fresh fit's records of the topic are
 *     re-clustered in two after each fit; the larger part keeps the id)
 */
public record Taxonomy(
    List<Theme> themes, Map<TopicId, String> renames, Map<TopicId, TopicId> merges, Map<TopicId, TopicId> splits) {
  public Taxonomy {
    themes = List.copyOf(themes);
    renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    merges = Collections.unmodifiableMap(new LinkedHashMap<>(merges));
    splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
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
    for (Map.Entry<TopicId, TopicId> m : merges.entrySet()) {
      if (m.getKey().equals(m.getValue())) throw new IllegalArgumentException("topic " + m.getKey() + " merged into itself");
      if (merges.containsKey(m.getValue())) {
        throw new IllegalArgumentException("topic " + m.getKey() + " is merged into " + m.getValue()
            + ", which is itself merged into " + merges.get(m.getValue()) + "; merge into the final topic");
      }
    }
  }

  /** A taxonomy of themes and renames only. */
  public Taxonomy(List<Theme> themes, Map<TopicId, String> renames) {
    this(themes, renames, Map.of(), Map.of());
  }

  /** Returns an empty taxonomy. */
  public static Taxonomy empty() {
    return new Taxonomy(List.of(), Map.of());
  }

  /**
   * Whether analysts edited topics (renamed, merged or split one); seeded themes alone do not count.
   * A refit keeps the current number of topics when there are edits, so it does not re-cut the
   * topics they name.
   */
  public boolean hasEdits() {
    return !renames.isEmpty() || !merges.isEmpty() || !splits.isEmpty();
  }

  /** Returns this taxonomy with topic {@code id} renamed to {@code label}. */
  public Taxonomy withRename(TopicId id, String label) {
    Map<TopicId, String> r = new LinkedHashMap<>(renames);
    r.put(id, label);
    return new Taxonomy(themes, r, merges, splits);
  }

  /**
   * Returns this taxonomy with {@code from} merged into {@code into}. Earlier merges into {@code
   * from} are redirected to {@code into}, so chains never form.
   */
  public Taxonomy withMerge(TopicId from, TopicId into) {
    TopicId target = merges.getOrDefault(into, into);
    Map<TopicId, TopicId> m = new LinkedHashMap<>();
    merges.forEach((k, v) -> m.put(k, v.equals(from) ? target : v));
    m.put(from, target);
    return new Taxonomy(themes, renames, m, splits);
  }

  /** Returns this taxonomy with {@code part} split off {@code id}. */
  public Taxonomy withSplit(TopicId id, TopicId part) {
    Map<TopicId, TopicId> s = new LinkedHashMap<>(splits);
    s.put(id, part);
    return new Taxonomy(themes, renames, merges, s);
  }

  /** Returns this taxonomy with {@code added} themes replacing any of the same name. */
  public Taxonomy withThemes(List<Theme> added) {
    Map<String, Theme> byName = new LinkedHashMap<>();
    for (Theme t : themes) byName.put(t.name(), t);
    for (Theme t : added) byName.put(t.name(), t);
    return new Taxonomy(List.copyOf(byName.values()), renames, merges, splits);
  }

  /** Returns the parent theme's name of the topic labelled {@code label}, or null. */
  public @org.jspecify.annotations.Nullable String parentOf(String label) {
    for (Theme t : themes) if (t.name().equals(label)) return t.parent();
    return null;
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
