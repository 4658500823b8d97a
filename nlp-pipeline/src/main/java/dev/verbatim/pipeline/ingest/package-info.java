/**
 * Ingest: adapters that turn exports (canonical JSONL, help-desk tickets, chat transcripts, review
 * and survey CSVs) into {@link dev.verbatim.pipeline.Feedback} records.
 *
 * <p>Consumes files; produces one {@link dev.verbatim.pipeline.Outcome} per record, each with its
 * {@link dev.verbatim.pipeline.RawRecord}; rejects what breaks the feedback contract (missing field,
 * bad time, rating out of scale, not UTF-8, too long, malformed JSON or CSV) with a reason that
 * says what to fix. Readers stream: memory does not grow with the number of records. Readers are
 * stateless and thread-safe; one {@code read} call handles one file.
 */
@NullMarked
package dev.verbatim.pipeline.ingest;

import org.jspecify.annotations.NullMarked;
