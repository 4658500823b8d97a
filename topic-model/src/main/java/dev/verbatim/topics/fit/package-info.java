/**
 * One fit as the product runs it: fit on a corpus (with seeded themes), align ids with the previous
 * snapshot, apply the analysts' taxonomy (splits, merges, renames), distil the inference model.
 * Consumes a {@code Corpus} and the previous {@code store.TopicSnapshotStore.Snapshot}; produces a
 * {@link dev.verbatim.topics.fit.TopicFitting.Result} to save. Stateless.
 */
@NullMarked
package dev.verbatim.topics.fit;

import org.jspecify.annotations.NullMarked;
