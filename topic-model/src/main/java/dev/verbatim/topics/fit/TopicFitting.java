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
 *       phrases start clusters and name the topics they attract);
 *   <li>align the fresh topics with the previous snapshot's (before edits), so ids are stable and a
 *       refit report says what is new, vanished, merged or split;
 *   <li>apply the taxonomy to that aligned fit: splits (2-means over the topic's records), then
 *       merges, then renames; the edits are keyed by id, so they survive refits;
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
   */
  public record Result(EmbeddingTopicModel aligned, EmbeddingTopicModel edited, LexicalTopicModel lexical,
      @Nullable RefitReport report, int nextId, double agreement) {}

  /**
   * Fits {@code corpus}.
   *
   * @param themes the taxonomy's themes with every query already resolved into seed phrases
   * @param previous the current snapshot, or null on a first fit
   */
  public static Result fit(EmbeddingTopicTrainer trainer, TermAnalyzer analyzer, Corpus corpus, TopicParams params,
      Taxonomy taxonomy, List<Theme> themes, TopicSnapshotStore.@Nullable Snapshot previous) {
    EmbeddingTopicModel fresh = trainer.fit(corpus, params, themes);
    EmbeddingTopicModel aligned;
    RefitReport report = null;
    int nextId;
    if (previous == null) {
      aligned = fresh;
      nextId = fresh.topics().size() + 1;
    } else {
      // ids reserved for the taxonomy's split parts are not the aligner's to give: a new topic of
      // this refit taking one would stop the split from being made (the part's id already exists)
      int firstFree = previous.nextId();
      for (TopicId part : taxonomy.splits().values()) firstFree = Math.max(firstFree, part.number() + 1);
      TopicAligner.Alignment a = TopicAligner.align(previous.model(), firstFree, fresh, false);
      aligned = (EmbeddingTopicModel) a.model();
      report = a.report();
      nextId = a.nextId();
    }
    for (TopicId part : taxonomy.splits().values()) nextId = Math.max(nextId, part.number() + 1);
    EmbeddingTopicModel edited = edit(aligned, taxonomy, corpus, params.seed());
    LexicalTopicModel lexical = LexicalTopicModel.distil(edited, corpus, analyzer);
    double agreement = lexical.agreement(edited, corpus);
    LOG.info("topics: {} fitted, {} after edits, term model agrees on {}%", aligned.topics().size(),
        edited.topics().size(), Math.round(agreement * 1000) / 10.0);
    return new Result(aligned, edited, lexical, report, nextId, agreement);
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
