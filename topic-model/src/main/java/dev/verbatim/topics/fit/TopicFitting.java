package dev.verbatim.topics.fit;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.align.RefitReport;
import dev.verbatim.topics.align.TopicAligner;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import dev.verbatim.topics.store.TopicSnapshotStore;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits topics the way the product keeps them:
 *
 * <ol>
 *   <li>fit the embedding model on the corpus, seeded with the taxonomy's themes (their seed
 *       phrases start clusters and name the topics they attract); a refit with automatic K keeps
 *       the previous fit's K when the taxonomy has edits ({@link #chooseTopics});
 *   <li>align the fresh topics with the previous snapshot's (before edits), so ids are stable and a
 *       refit report says what is new, vanished, merged or split;
 *   <li>apply the taxonomy to that aligned fit: splits (2-means over the topic's records), then
 *       merges, then renames; the edits are keyed by id, so they survive refits; an edit whose
 *       topic the refit lost is kept in the taxonomy and listed ({@link OrphanedEdit});
 *   <li>distil the edited model into the term model daily runs infer with.
 * </ol>
 *
 * The aligned fit (step 2) is what gets saved as the snapshot's topics, so the next refit aligns
 * with topics an analyst merged away too. Stateless.
 */
public final class TopicFitting {
  private static final Logger LOG = LoggerFactory.getLogger(TopicFitting.class);

  private TopicFitting() {}

  /**
   * What a fit produced.
   *
   * @param aligned the fit with stable ids, before edits (save it as the snapshot's topics)
   * @param edited the fit with the taxonomy applied
   * @param lexical the inference model distilled from {@code edited}
   * @param report what changed against the previous snapshot, or null for a first fit
   * @param nextId the lineage's next unused id number
   * @param agreement share of the corpus where {@code lexical} agrees with {@code edited}
   * @param orphaned the taxonomy's edits whose topic this fit does not have (empty if none)
   * @param k how the number of topics was chosen
   */
  public record Result(EmbeddingTopicModel aligned, EmbeddingTopicModel edited, LexicalTopicModel lexical,
      @Nullable RefitReport report, int nextId, double agreement, List<OrphanedEdit> orphaned, KChoice k) {
    public Result {
      orphaned = List.copyOf(orphaned);
    }
  }

  /** How a fit's number of topics was chosen. */
  public enum KChoice {
    /** Given by the caller ({@code --topics K}). */
    GIVEN,
    /** By silhouette (a first fit, or a refit of a taxonomy without edits). */
    SILHOUETTE,
    /** The previous fit's, kept because the taxonomy has edits. */
    KEPT;

    /** Lower-case name, as reports show it. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The params a fit uses: {@code params} as given, except that a refit with automatic K ({@code
   * topics == 0}) of a taxonomy with edits keeps the previous fit's K (before edits, seeded themes
   * included). Why: silhouette picks K afresh on each sample, and a different K re-cuts every topic;
   * on the demo a refit after one split went from 24 fitted topics to 16 and merged the split topic
   * away. The first fit, and a refit of a taxonomy with themes only, still choose K.
   */
  public static TopicParams chooseTopics(TopicParams params, Taxonomy taxonomy,
      TopicSnapshotStore.@Nullable Snapshot previous) {
    if (params.topics() > 0 || previous == null || !taxonomy.hasEdits()) return params;
    return params.withTopics(Math.max(2, previous.model().topics().size()));
  }

  /**
   * Fits {@code corpus}.
   *
   * @param themes the taxonomy's themes with every query already resolved into seed phrases
   * @param previous the current snapshot, or null on a first fit
   */
  public static Result fit(EmbeddingTopicTrainer trainer, TermAnalyzer analyzer, Corpus corpus, TopicParams params,
      Taxonomy taxonomy, List<Theme> themes, TopicSnapshotStore.@Nullable Snapshot previous) {
    TopicParams chosen = chooseTopics(params, taxonomy, previous);
    KChoice k = params.topics() > 0 ? KChoice.GIVEN : chosen.topics() > 0 ? KChoice.KEPT : KChoice.SILHOUETTE;
    if (k == KChoice.KEPT) {
      LOG.info("topics: keeping the current model's {} topics (the taxonomy has edits; --topics K to choose)",
          chosen.topics());
    }
    EmbeddingTopicModel fresh = trainer.fit(corpus, chosen, themes);
    // ids reserved for the taxonomy's split parts are not the aligner's to give: a new topic of
    // this refit taking one would stop the split from being made (the part's id already exists)
    int afterSplitParts = 1;
    for (TopicId part : taxonomy.splits().values()) afterSplitParts = Math.max(afterSplitParts, part.number() + 1);
    EmbeddingTopicModel aligned;
    RefitReport report = null;
    int nextId;
    if (previous == null) {
      aligned = fresh;
      nextId = fresh.topics().size() + 1;
    } else {
      TopicAligner.Alignment a =
          TopicAligner.align(previous.model(), Math.max(previous.nextId(), afterSplitParts), fresh, false);
      aligned = (EmbeddingTopicModel) a.model();
      report = a.report();
      nextId = a.nextId();
    }
    nextId = Math.max(nextId, afterSplitParts);
    EmbeddingTopicModel edited = edit(aligned, taxonomy, corpus, params.seed());
    List<OrphanedEdit> orphaned = OrphanedEdit.find(taxonomy, aligned, edited, report);
    if (!orphaned.isEmpty()) { // the caller shows each with its advice (see Result.orphaned)
      LOG.warn("topics: {} edit(s) of the taxonomy name a topic this fit does not have", orphaned.size());
    }
    LexicalTopicModel lexical = LexicalTopicModel.distil(edited, corpus, analyzer);
    double agreement = lexical.agreement(edited, corpus);
    LOG.info("topics: {} fitted, {} after edits, term model agrees on {}%", aligned.topics().size(),
        edited.topics().size(), Math.round(agreement * 1000) / 10.0);
    return new Result(aligned, edited, lexical, report, nextId, agreement, orphaned, k);
  }

  /** Applies {@code taxonomy}'s splits, merges and renames to a freshly fitted, aligned model. */
  public static EmbeddingTopicModel edit(EmbeddingTopicModel aligned, Taxonomy taxonomy, Corpus corpus, long seed) {
    EmbeddingTopicModel m = aligned;
    for (Map.Entry<TopicId, TopicId> s : taxonomy.splits().entrySet()) {
      m = m.split(s.getKey(), s.getValue(), corpus, seed);
    }
    for (Map.Entry<TopicId, TopicId> e : taxonomy.merges().entrySet()) m = m.merge(e.getKey(), e.getValue());
    return (EmbeddingTopicModel) taxonomy.applyTo(m);
  }

  /**
   * Applies the edits that need no refit to a saved inference model: merges (exact on term counts)
   * and renames. Splits need a refit, so a split not yet in {@code model} is left out.
   */
  public static LexicalTopicModel edit(LexicalTopicModel model, Taxonomy taxonomy) {
    LexicalTopicModel m = model;
    for (Map.Entry<TopicId, TopicId> e : taxonomy.merges().entrySet()) m = m.merge(e.getKey(), e.getValue());
    for (Topic t : m.topics()) {
      String label = taxonomy.renames().get(t.id());
      if (label != null) m = m.withLabel(t.id(), label);
    }
    return m;
  }
}
