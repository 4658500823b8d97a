package dev.verbatim.app;

import dev.verbatim.pipeline.annotate.AnnotateStage;
import dev.verbatim.pipeline.annotate.RuleBasedAnnotator;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.redact.PiiRedactor;
import dev.verbatim.pipeline.run.Pipeline;
import dev.verbatim.topics.tag.TopicStage;

/** Wires the stages of every module into the pipeline, in flow order; the one place that does. */
final class Stages {
  private Stages() {}

  /**
   * ingest → clean → redact → annotate → topics → index. The annotate stage scores with {@code
   * scorer}: by default the fast lexicon scorer, which measured best on accuracy and speed together
   * (README, "Sentiment"; {@link SentimentScorers}). The {@code redactor} carries the workspace's
   * pseudonym key, the one accounts.csv and outcomes.csv were mapped with, so records still join.
   */
  static Pipeline<?> pipeline(
      Cleaner cleaner, PiiRedactor redactor, SentimentScorer scorer, TopicStage topics, IndexStage index) {
    return Pipeline.start()
        .then(cleaner)
        .then(redactor)
        .then(new AnnotateStage(new RuleBasedAnnotator(), scorer))
        .then(topics)
        .then(index);
  }
}
