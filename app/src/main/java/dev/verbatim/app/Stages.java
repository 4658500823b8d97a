package dev.verbatim.app;

import dev.verbatim.pipeline.annotate.AnnotateStage;
import dev.verbatim.pipeline.annotate.RuleBasedAnnotator;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.redact.OriginalTextStore;
import dev.verbatim.pipeline.redact.PiiRedactor;
import dev.verbatim.pipeline.run.Pipeline;
import dev.verbatim.topics.tag.TopicStage;

/** Wires the stages of every module into the pipeline, in flow order; the one place that does. */
final class Stages {
  private Stages() {}

  /**
   * ingest → clean → redact → annotate → topics → index. The annotate stage uses the fast lexicon scorer:
   * it measured best on accuracy and speed together (README, "Sentiment").
   */
  static Pipeline<?> pipeline(OriginalTextStore originals, TopicStage topics, IndexStage index) {
    return Pipeline.start()
        .then(Cleaner.withDefaults())
        .then(new PiiRedactor(originals))
        .then(new AnnotateStage(new RuleBasedAnnotator(), new LexiconSentimentScorer()))
        .then(topics)
        .then(index);
  }
}
