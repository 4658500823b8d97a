package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real CoreNLP models (loaded once, ~10 s); a handful of sentences. */
class CoreNlpSentimentScorerIT {

  private static LexiconSentimentScorer fast;
  private static CoreNlpSentimentScorer scorer;

  @BeforeAll
  static void load() {
    fast = new LexiconSentimentScorer();
    scorer = new CoreNlpSentimentScorer(fast, CoreNlpSentimentScorer.Settings.defaults());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          This phone is wonderful and I love it.                      | POSITIVE
          This is the worst, most horrible service I have ever had.   | NEGATIVE
          The food was not good at all.                               | NEGATIVE
          The staff were friendly, helpful and very professional.     | POSITIVE
          """)
  void labelsPlainSentences(String text, Polarity expected) {
    assertEquals(expected, scorer.score(text).document().label(), text);
  }

  @Test
  void mixedDocumentKeepsMixedSentenceLabels() {
    String text = "The support agent was wonderful. The billing system is a terrible mess.";
    List<SentenceSentiment> s = scorer.score(text).sentences();
    assertEquals(2, s.size());
    assertEquals(Polarity.POSITIVE, s.get(0).sentiment().label());
    assertEquals(Polarity.NEGATIVE, s.get(1).sentiment().label());
    assertEquals("The billing system is a terrible mess.", text.substring(s.get(1).start(), s.get(1).end()));
  }

  @Test
  void sentenceTooLongToParseIsScoredByTheFallbackAndCounted() {
    long before = scorer.counters().get("fallback_sentences").longValue();
    String longSentence = "the awful app crashed again and ".repeat(20) + "nobody helped.";
    DocumentSentiment d = scorer.score("Great staff. " + longSentence);
    assertEquals(2, d.sentences().size());
    assertEquals(before + 1, scorer.counters().get("fallback_sentences").longValue());
    assertEquals(Polarity.NEGATIVE, d.sentences().get(1).sentiment().label());
  }

  @Test
  void sentenceOverItsTimeBudgetIsScoredByTheFallbackAndCounted() {
    var hurried =
        new CoreNlpSentimentScorer(fast, new CoreNlpSentimentScorer.Settings(Duration.ofMillis(1), 80, 20_000));
    // one long sentence (about 60 tokens, under the 80-token limit): parsing it takes well over the
    // 1 ms budget even on a fast idle machine (a ten-word sentence once parsed inside it)
    DocumentSentiment d = hurried.score("The agents were rude and the refund never came, and"
        + " we waited for the money for weeks while the support team ignored every message we sent,".repeat(3)
        + " so we are still waiting.");
    assertEquals(1, d.sentences().size());
    assertTrue(hurried.counters().get("fallback_sentences").longValue() >= 1, hurried.counters()::toString);
    assertEquals(Polarity.NEGATIVE, d.document().label());
  }

  @Test
  void hugeTextGoesToTheFallbackWhole() {
    var bounded =
        new CoreNlpSentimentScorer(fast, new CoreNlpSentimentScorer.Settings(Duration.ofSeconds(2), 80, 100));
    DocumentSentiment d = bounded.score("Terrible service. ".repeat(50));
    assertEquals(Polarity.NEGATIVE, d.document().label());
    assertEquals(1L, bounded.counters().get("fallback_documents"));
  }

  @Test
  void isThreadSafeUnderParallelScoring() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      texts.add(i % 2 == 0 ? "I love this product, it works great." : "The delivery was late and the box was broken.");
    }
    List<DocumentSentiment> sequential = texts.stream().map(scorer::score).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DocumentSentiment>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> scorer.score(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(sequential.get(i).document().label(), futures.get(i).get().document().label());
        assertEquals(sequential.get(i).document().score(), futures.get(i).get().document().score(), 1e-9);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
