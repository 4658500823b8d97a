/**
 * The stage runner: streams records from the ingest readers through a chain of {@link
 * dev.verbatim.pipeline.Stage}s on all cores, counts every stage's records in, out and rejected,
 * writes rejected records to the run's quarantine file and produces the {@link
 * dev.verbatim.pipeline.run.RunReport}, which must add up.
 *
 * <p>Concurrency: one thread reads; records are routed by a hash of their {@link
 * dev.verbatim.pipeline.FeedbackId} to one of N workers, so two versions of the same record in one
 * run are processed in file order by the same worker (the later one wins, deterministically). The
 * queues between reader and workers are bounded: memory does not grow with the number of records.
 */
@NullMarked
package dev.verbatim.pipeline.run;

import org.jspecify.annotations.NullMarked;
