/**
 * The search index: redacted, scored records in an embedded Apache Lucene index under the
 * workspace's {@code index/} folder.
 *
 * <p>{@link dev.verbatim.index.FeedbackIndexer} is the pipeline's {@code index} stage: it writes
 * {@link dev.verbatim.pipeline.Redacted} records, keyed by {@code source/id} so re-indexing updates
 * a record instead of duplicating it, and commits at safe points so a killed run leaves the last
 * commit readable. {@link dev.verbatim.index.FeedbackSearch} reads it. {@link
 * dev.verbatim.index.IndexSchema} documents every field.
 */
@NullMarked
package dev.verbatim.index;

import org.jspecify.annotations.NullMarked;
