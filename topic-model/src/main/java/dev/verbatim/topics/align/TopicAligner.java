package dev.verbatim.topics.align;

import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a refitted model the ids of the model it replaces. Similarity of two topics is the cosine
 * of their signatures (embedding centroids) when both models have comparable ones, otherwise the
 * Jaccard overlap of their top terms. The Hungarian algorithm finds the one-to-one matching with
 * the highest total similarity; a matched pair below the threshold is not a match. Matched new
 * topics take the old id (and, if {@code keepLabels}, the old label, so an analyst's rename
 * survives); the others get fresh ids from {@code nextId} on, in their model order. An unmatched
 * old topic whose most similar new topic is a kept one counts as merged into it; an unmatched new
 * topic whose most similar old topic is kept counts as split off it (both at a threshold 0.1
 * lower). Stateless; O(K³).
 */
public final class TopicAligner {
  /** Cosine a centroid pair needs to be the same topic. */
  public static final double CENTROID_THRESHOLD = 0.80;

  /** Top-term Jaccard overlap a pair needs to be the same topic (without comparable centroids). */
  public static final double TERMS_THRESHOLD = 0.30;

  /** The aligned model, its report and the next unused id number. */
  public record Alignment(TopicModel model, RefitReport report, int nextId) {}

  private TopicAligner() {}

  /**
   * Aligns {@code fresh} to {@code previous}.
   *
   * @param previous the model being replaced
   * @param nextId the smallest id number never used in {@code previous}'s lineage (see the snapshot)
   * @param fresh the refitted model, with ids of its own
   * @param keepLabels whether kept topics take the previous label
   */
  public static Alignment align(TopicModel previous, int nextId, TopicModel fresh, boolean keepLabels) {
    List<Topic> olds = previous.topics();
    List<Topic> news = fresh.topics();
    List<float[]> os = previous.signatures();
    List<float[]> ns = fresh.signatures();
    boolean centroids = !os.isEmpty() && !ns.isEmpty() && os.get(0).length == ns.get(0).length
        && previous.method().equals(fresh.method());
    double threshold = centroids ? CENTROID_THRESHOLD : TERMS_THRESHOLD;
    double[][] sim = new double[olds.size()][news.size()];
    for (int i = 0; i < olds.size(); i++) {
      for (int j = 0; j < news.size(); j++) {
        sim[i][j] = centroids ? cosine(os.get(i), ns.get(j)) : jaccard(olds.get(i).topTerms(), news.get(j).topTerms());
      }
    }
    int next = nextId;
    for (Topic t : olds) next = Math.max(next, t.id().number() + 1);
    Map<TopicId, TopicId> mapping = new HashMap<>();
    List<RefitReport.Kept> kept = new ArrayList<>();
    int[] match = olds.isEmpty() || news.isEmpty() ? new int[olds.size()] : Hungarian.solve(negate(sim));
    if (olds.isEmpty() || news.isEmpty()) java.util.Arrays.fill(match, -1);
    int[] newToOld = new int[news.size()];
    java.util.Arrays.fill(newToOld, -1);
    for (int i = 0; i < olds.size(); i++) {
      int j = match[i];
      if (j >= 0 && sim[i][j] >= threshold) {
        newToOld[j] = i;
      } else {
        match[i] = -1;
      }
    }
    // fresh ids for unmatched new topics, in the new model's order
    for (int j = 0; j < news.size(); j++) {
      TopicId id = newToOld[j] >= 0 ? olds.get(newToOld[j]).id() : TopicId.of(next++);
      mapping.put(news.get(j).id(), id);
    }
    // two passes of renaming can collide (t3 -> t5 while t5 -> t3); withIds applies the map at once
    TopicModel aligned = fresh.withIds(mapping);
    if (keepLabels) {
      for (int j = 0; j < news.size(); j++) {
        if (newToOld[j] >= 0) aligned = aligned.withLabel(mapping.get(news.get(j).id()), olds.get(newToOld[j]).label());
      }
    }
    for (int j = 0; j < news.size(); j++) {
      if (newToOld[j] >= 0) kept.add(new RefitReport.Kept(mapping.get(news.get(j).id()), sim[newToOld[j]][j]));
    }
    List<TopicId> added = new ArrayList<>();
    List<TopicId> vanished = new ArrayList<>();
    List<RefitReport.Merge> merged = new ArrayList<>();
    List<RefitReport.Split> split = new ArrayList<>();
    double loose = threshold - 0.1;
    for (int i = 0; i < olds.size(); i++) {
      if (match[i] >= 0) continue;
      int best = argmax(sim[i]);
      if (best >= 0 && newToOld[best] >= 0 && sim[i][best] >= loose) {
        merged.add(new RefitReport.Merge(olds.get(i).id(), mapping.get(news.get(best).id()), sim[i][best]));
      } else {
        vanished.add(olds.get(i).id());
      }
    }
    for (int j = 0; j < news.size(); j++) {
      if (newToOld[j] >= 0) continue;
      int best = -1;
      for (int i = 0; i < olds.size(); i++) if (best < 0 || sim[i][j] > sim[best][j]) best = i;
      TopicId id = mapping.get(news.get(j).id());
      if (best >= 0 && match[best] >= 0 && sim[best][j] >= loose) {
        split.add(new RefitReport.Split(olds.get(best).id(), id, sim[best][j]));
      } else {
        added.add(id);
      }
    }
    kept.sort(java.util.Comparator.comparing(RefitReport.Kept::id));
    return new Alignment(aligned, new RefitReport(kept, added, vanished, merged, split), next);
  }

  private static int argmax(double[] row) {
    int best = -1;
    for (int j = 0; j < row.length; j++) if (best < 0 || row[j] > row[best]) best = j;
    return best;
  }

  private static double[][] negate(double[][] s) {
    double[][] c = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      c[i] = new double[s[i].length];
      for (int j = 0; j < s[i].length; j++) c[i][j] = -s[i][j];
    }
    return c;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  static double jaccard(List<String> a, List<String> b) {
    Set<String> sa = new HashSet<>(a);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    int inter = 0;
    for (String t : new HashSet<>(b)) if (sa.contains(t)) inter++;
    return union.isEmpty() ? 0 : (double) inter / union.size();
  }
}
