package dev.verbatim.pipeline.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeSentimentScorerTest {

  /** Confident when the text says "sure"; scores everything positive. */
  private static final SentimentScorer FAST =
      new SentimentScorer() {
        @Override
        public DocumentSentiment score(String text) {
          double c = text.contains("sure") ? 0.9 : 0.4;
          return new DocumentSentiment(new Sentiment(Polarity.POSITIVE, 0.5, c), List.of());
        }

        @Override
        public String id() {
          return "fast";
        }
      };

  private static final SentimentScorer SLOW =
      new SentimentScorer() {
        @Override
        public DocumentSentiment score(String text) {
          if (text.contains("boom")) {
            throw new IllegalStateException("slow scorer failed");
          }
          return new DocumentSentiment(new Sentiment(Polarity.NEGATIVE, -0.5, 0.8), List.of());
        }

        @Override
        public String id() {
          return "slow";
        }
      };

  @Test
  void handsOverOnlyWhatTheFastScorerIsUnsureOf() {
    var cascade = new CascadeSentimentScorer(FAST, SLOW, 0.6);
    assertEquals(Polarity.POSITIVE, cascade.score("sure thing").document().label());
    assertEquals(Polarity.NEGATIVE, cascade.score("maybe").document().label());
    assertEquals(Polarity.NEGATIVE, cascade.score("perhaps").document().label());
    assertEquals(3L, cascade.counters().get("documents"));
    assertEquals(2L, cascade.counters().get("handed_over"));
    assertEquals(0.6667, cascade.counters().get("handed_over_share"));
  }

  @Test
  void keepsTheFastResultWhenTheSlowScorerFails() {
    var cascade = new CascadeSentimentScorer(FAST, SLOW, 0.6);
    assertEquals(Polarity.POSITIVE, cascade.score("boom").document().label());
    assertEquals(1L, cascade.counters().get("slow_failures"));
  }
}
