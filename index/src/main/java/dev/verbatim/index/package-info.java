/**
 * The search index: redacted, scored records in an embedded Apache Lucene index under the
 * workspace's {@code index/} folder.
 *
 * <p>{@link dev.verbatim.index.FeedbackIndexer} is the pipeline's {@code index} stage. It consumes
 * {@link dev.verbatim.index.IndexRecord}s (a {@link dev.verbatim.pipeline.Redacted} record plus
 * document sentiment, topic ids and the account's segment and plan; {@link
 * dev.verbatim.index.FeedbackIndexer#forRedacted()} takes plain {@code Redacted} records), keys them
 * by {@code source/id} so re-indexing updates a record instead of duplicating it, and commits at
 * safe points so a killed run leaves the last commit readable. It rejects ({@code BAD_FIELD}) a
 * record whose ids are too long to be keys; it is thread-safe.
 *
 * <p>{@link dev.verbatim.index.FeedbackSearch} reads it: {@link
 * dev.verbatim.index.SearchRequest} in (Lucene query syntax checked against the schema, filters per
 * facet, time and rating ranges, sort, paging, facets, a UTC day/week/month histogram, highlights,
 * "more like this"), {@link dev.verbatim.index.SearchResult} out, whose JSON form (snake_case) is
 * what the CLI and the HTTP API print. Caller mistakes (a query that does not parse, an unknown
 * field, a date that is not a date) are {@link java.lang.IllegalArgumentException}s whose message
 * says what to fix. {@link dev.verbatim.index.IndexSchema} documents every field.
 */
@NullMarked
package dev.verbatim.index;

import org.jspecify.annotations.NullMarked;
