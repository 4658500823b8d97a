package dev.verbatim.topics.fit;

import static java.util.Objects.requireNonNull;

import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.align.RefitReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's edit of the taxonomy that a refit left without its topic: the renamed, merged or
 * split topic id is not in the new model (it vanished, or the fit merged it into another topic). The
 * edit stays in {@code taxonomy.json} (it applies again if a later refit brings the topic back);
 * this says what happened to it so the analyst can re-apply it, never silently.
 *
 * @param kind which edit
 * @param topic the topic id the edit names (for a merge, the topic that was merged away)
 * @param other the split part's id for a split, the target for a merge, null for a rename
 * @param label the analyst's name, for a rename (null otherwise)
 * @param fate what happened to the missing topic
 * @param missing the id that is missing from the new model ({@code topic}, or a merge's target)
 * @param into the topic of the new model that took the missing one's records: for {@link
 *     Fate#MERGED} always, for {@link Fate#ABSENT} when an earlier refit merged it there (else null)
 */
public record OrphanedEdit(Kind kind, TopicId topic, @Nullable TopicId other, @Nullable String label, Fate fate,
    TopicId missing, @Nullable TopicId into) {
  public OrphanedEdit {
    requireNonNull(kind, "kind");
    requireNonNull(topic, "topic");
    requireNonNull(fate, "fate");
    requireNonNull(missing, "missing");
    if (fate == Fate.MERGED && into == null) throw new IllegalArgumentException("MERGED needs into");
    if (fate == Fate.VANISHED && into != null) throw new IllegalArgumentException("VANISHED has no into");
  }

  /** The edit. */
  public enum Kind {
    RENAME, MERGE, SPLIT;

    /** Lower-case name, as reports show it. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What happened to the missing topic. */
  public enum Fate {
    /** The refit found nothing like the topic. */
    VANISHED,
    /** The refit fitted the topic's records together with another topic's ({@code into}). */
    MERGED,
    /**
     * The model this refit aligned with did not have the topic either (an earlier refit lost it,
     * or it is the part of a split that was not made).
     */
    ABSENT;

    /** Lower-case name, as reports show it. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What happened, in words, e.g. {@code "split of t24 (part t26): t24 merged into t15 by the refit"}. */
  public String describe() {
    String edit = switch (kind) {
      case RENAME -> "rename of " + topic + " to '" + label + "'";
      case MERGE -> "merge of " + topic + " into " + other;
      case SPLIT -> "split of " + topic + " (part " + other + ")";
    };
    String what = switch (fate) {
      case VANISHED -> missing + " vanished in the refit";
      case MERGED -> missing + " merged into " + into + " by the refit";
      case ABSENT -> into != null
          ? missing + " is not in the model (an earlier refit merged it into " + into + ")"
          : missing + " is not in the model (lost in an earlier refit, or a split that was not made)";
    };
    return edit + ": " + what;
  }

  /**
   * What the analyst can do, as {@code verbatim} commands (ids only: an analyst's label is not
   * repeated in a command line).
   */
  public String advice() {
    String again = "or refit with --topics K (a larger K) to get " + missing + " back";
    return switch (kind) {
      case SPLIT -> into != null
          ? "re-apply the split on " + into + ": verbatim topics split " + into + "; " + again
          : "split the topic that now holds its records (see verbatim topics show); " + again;
      case RENAME -> into != null
          ? "rename " + into + " if the name fits it: verbatim topics rename " + into + " NAME; " + again
          : "rename the topic that now holds its records (see verbatim topics show); " + again;
      case MERGE -> into != null
          ? (missing.equals(topic)
              ? "merge " + into + " into " + other + " if that is still wanted: verbatim topics merge " + other + " " + into
              : "merge " + topic + " into " + into + " instead: verbatim topics merge " + into + " " + topic)
          : "merge again into a topic of the new model (see verbatim topics show)";
    };
  }

  /**
   * This {@link Fate#ABSENT} edit with the topic an earlier refit merged its topic into (read from
   * that refit's report), so the advice names it again.
   */
  public OrphanedEdit withEarlierMerge(TopicId target) {
    if (fate != Fate.ABSENT) throw new IllegalStateException("only an absent topic has an earlier fate");
    return new OrphanedEdit(kind, topic, other, label, fate, missing, requireNonNull(target, "target"));
  }

  /**
   * The edits of {@code taxonomy} without a target in a refit.
   *
   * @param aligned the refit's model with stable ids, before edits
   * @param edited the same with the taxonomy applied (split parts exist only here)
   * @param report how the refit changed the previous model's topics (null on a first fit)
   */
  public static List<OrphanedEdit> find(Taxonomy taxonomy, TopicModel aligned, TopicModel edited,
      @Nullable RefitReport report) {
    Set<TopicId> fitted = ids(aligned);
    Set<TopicId> after = ids(edited);
    List<OrphanedEdit> out = new ArrayList<>();
    for (Map.Entry<TopicId, TopicId> s : taxonomy.splits().entrySet()) {
      if (fitted.contains(s.getKey())) continue;
      out.add(of(Kind.SPLIT, s.getKey(), s.getValue(), null, s.getKey(), report, taxonomy));
    }
    for (Map.Entry<TopicId, TopicId> m : taxonomy.merges().entrySet()) {
      TopicId from = m.getKey();
      TopicId into = m.getValue();
      if (!fitted.contains(into)) {
        out.add(of(Kind.MERGE, from, into, null, into, report, taxonomy));
      } else if (!fitted.contains(from)) {
        OrphanedEdit e = of(Kind.MERGE, from, into, null, from, report, taxonomy);
        if (!into.equals(e.into())) out.add(e); // the refit merging it into the same topic did the edit itself
      }
    }
    for (Map.Entry<TopicId, String> r : taxonomy.renames().entrySet()) {
      TopicId id = r.getKey();
      if (after.contains(id) || taxonomy.merges().containsKey(id)) continue; // merged away by the analyst
      out.add(of(Kind.RENAME, id, null, r.getValue(), id, report, taxonomy));
    }
    return List.copyOf(out);
  }

  private static OrphanedEdit of(Kind kind, TopicId topic, @Nullable TopicId other, @Nullable String label,
      TopicId missing, @Nullable RefitReport report, Taxonomy taxonomy) {
    if (report != null) {
      for (RefitReport.Merge m : report.merged()) {
        if (m.from().equals(missing)) {
          // the analyst's merges still apply to the topic that took it: name the final one
          TopicId into = taxonomy.merges().getOrDefault(m.into(), m.into());
          return new OrphanedEdit(kind, topic, other, label, Fate.MERGED, missing, into);
        }
      }
      if (report.vanished().contains(missing)) return new OrphanedEdit(kind, topic, other, label, Fate.VANISHED, missing, null);
    }
    return new OrphanedEdit(kind, topic, other, label, Fate.ABSENT, missing, null);
  }

  private static Set<TopicId> ids(TopicModel m) {
    Set<TopicId> s = new HashSet<>();
    m.topics().forEach(t -> s.add(t.id()));
    return s;
  }
}
