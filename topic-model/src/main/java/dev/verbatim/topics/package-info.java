/**
 * Topic discovery for Verbatim: fit a model on a corpus, name its topics, infer topic mixes for new
 * records with the saved model, and keep topic ids stable across refits.
 *
 * <p>API shape: a {@link dev.verbatim.topics.TopicTrainer} turns a {@link
 * dev.verbatim.topics.Corpus} and {@link dev.verbatim.topics.TopicParams} into an immutable,
 * thread-safe {@link dev.verbatim.topics.TopicModel}; {@link
 * dev.verbatim.topics.TopicModel#infer(TopicDocument)} assigns a {@link
 * dev.verbatim.topics.TopicMix} (and one topic per sentence) to a new record without refitting.
 * Two trainers exist: {@code cluster.EmbeddingTopicTrainer} (sentence embeddings + spherical
 * k-means, the default) and {@code lda.GibbsLdaTrainer} (collapsed Gibbs LDA, the baseline).
 * Snapshots are versioned JSON ({@code store.TopicSnapshotStore}); refits are aligned to the
 * previous model with the Hungarian algorithm ({@code align.TopicAligner}).
 */
@NullMarked
package dev.verbatim.topics;

import org.jspecify.annotations.NullMarked;
