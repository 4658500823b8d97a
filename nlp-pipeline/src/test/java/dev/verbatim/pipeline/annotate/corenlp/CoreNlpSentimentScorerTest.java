package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five-classes-to-document rule, without loading models. */
class CoreNlpSentimentScorerTest {

  @Test
  void collapsesFiveClassesAndTakesTheExpectation() {
    Sentiment s = CoreNlpSentimentScorer.toSentiment(new double[] {0.1, 0.3, 0.2, 0.3, 0.1});
    assertEquals(Polarity.NEGATIVE, s.label()); // 0.4 vs 0.4: ties go negative, then neutral
    assertEquals(0.0, s.score(), 1e-9);
    assertEquals(0.4, s.confidence(), 1e-9);
    Sentiment p = CoreNlpSentimentScorer.toSentiment(new double[] {0, 0.1, 0.3, 0.4, 0.2});
    assertEquals(Polarity.POSITIVE, p.label());
    assertEquals(-0.05 + 0.2 + 0.2, p.score(), 1e-9);
  }

  @Test
  void weighsSentencesByTokens() {
    double[] m =
        CoreNlpSentimentScorer.mean(
            List.of(new double[] {1, 0, 0, 0, 0}, new double[] {0, 0, 0, 0, 1}), List.of(1, 3));
    assertEquals(0.25, m[0], 1e-9);
    assertEquals(0.75, m[4], 1e-9);
  }

  @Test
  void fallbackResultsJoinTheMeanAsDistributions() {
    double[] d = CoreNlpSentimentScorer.fromSentiment(new Sentiment(Polarity.NEGATIVE, -0.5, 0.8));
    assertEquals(1.0, d[0] + d[1] + d[2] + d[3] + d[4], 1e-9);
    assertEquals(Polarity.NEGATIVE, CoreNlpSentimentScorer.toSentiment(d).label());
  }
}
