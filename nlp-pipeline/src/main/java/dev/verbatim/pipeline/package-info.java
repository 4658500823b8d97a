/**
 * Verbatim's record model and the stages that prepare customer text: ingest, clean, redact and
 * (later) annotate, plus the stage runner that drives them.
 *
 * <p>One record travels one way: {@link dev.verbatim.pipeline.Feedback} (from an ingest adapter)
 * → {@link dev.verbatim.pipeline.Cleaned} → {@link dev.verbatim.pipeline.Redacted}. Each {@link
 * dev.verbatim.pipeline.Stage} adds to its input and never mutates it; bad data becomes an {@link
 * dev.verbatim.pipeline.Outcome.Rejected} value with a {@link dev.verbatim.pipeline.Reason}, which the
 * runner writes to the run's quarantine file together with the record's original bytes.
 */
@NullMarked
package dev.verbatim.pipeline;

import org.jspecify.annotations.NullMarked;
