package dev.verbatim.validation.sim;

import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import java.util.function.Function;

/**
 * The shipped fast scorer ({@link LexiconSentimentScorer}, through its {@link SentimentScorer}
 * interface only) as the simulation's base predictor.
 */
public final class ShippedScorer implements Function<String, ScoredText> {
  private final SentimentScorer scorer = new LexiconSentimentScorer();

  @Override
  public ScoredText apply(String text) {
    DocumentSentiment d = scorer.score(text);
    SentimentLabel l = SentimentLabel.valueOf(d.document().label().name());
    return new ScoredText(text, l, d.document().score(), d.document().confidence());
  }
}
