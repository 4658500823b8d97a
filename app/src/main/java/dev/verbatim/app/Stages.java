package dev.verbatim.app;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.redact.PiiRedactor;
import dev.verbatim.pipeline.run.Pipeline;

/** Wires the stages of every module into the pipeline, in flow order; the one place that does. */
final class Stages {
  private Stages() {}

  /** ingest → clean → redact → index. */
  static Pipeline<?> pipeline(FeedbackIndexer indexer) {
    return Pipeline.start().then(Cleaner.withDefaults()).then(new PiiRedactor()).then(indexer);
  }
}
