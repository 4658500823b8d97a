package dev.verbatim.pipeline.annotate.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import dev.verbatim.pipeline.annotate.Sentiment;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconSentimentScorerTest {

  private static final LexiconSentimentScorer SCORER = new LexiconSentimentScorer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The support team was great.                          | POSITIVE
          The app is terrible.                                 | NEGATIVE
          The app is not good.                                 | NEGATIVE
          It is not bad at all.                                | POSITIVE
          I absolutely love this phone!!!                      | POSITIVE
          This is the WORST airline ever.                      | NEGATIVE
          The food was good but the service was awful.         | NEGATIVE
          The service was slow but the staff were lovely.      | POSITIVE
          I was charged twice for my order.                    | NEGATIVE
          Still waiting for a refund after three weeks.        | NEGATIVE
          No response from support.                            | NEGATIVE
          Please cancel my subscription.                       | NEGATIVE
          Thanks for the quick fix!                            | POSITIVE
          Great, my flight is delayed again.                   | NEGATIVE
          Love waiting on hold for two hours #sarcasm          | NEGATIVE
          Yeah right, like that will ever work.                | NEGATIVE
          Delivery was fast 👍                                 | POSITIVE
          My order never arrived 😡                            | NEGATIVE
          Works fine :)                                        | POSITIVE
          Worst purchase ever :(                               | NEGATIVE
          What time does the store open?                       | NEUTRAL
          My email is [EMAIL] and my name is [PERSON].         | NEUTRAL
          The package arrived on Tuesday.                      | NEUTRAL
          It could have been a great film.                     | NEGATIVE
          The sequel tries to be clever and funny.             | NEGATIVE
          The sequel is less charming than the original.       | NEGATIVE
          The new version fails to impress.                    | NEGATIVE
          For all its polish, the story is tedious.            | NEGATIVE
          A vapid, plodding and joyless picture.               | NEGATIVE
          A deft, witty and thoroughly enjoyable comedy.       | POSITIVE
          The film is anything but fun.                        | NEGATIVE
          I wish the new version were as good as the old one.  | NEGATIVE
          I wish you all the best!                             | POSITIVE
          """)
  void labelsSentencesNoReaderDisputes(String text, Polarity expected) {
    DocumentSentiment d = SCORER.score(text);
    assertEquals(expected, d.document().label(), () -> text + " scored " + d.document());
  }

  @Test
  void mixedDocumentKeepsMixedSentenceLabels() {
    String text =
        "Your support agent was wonderful and solved it in minutes. "
            + "But I was charged twice and billing never answered my emails.";
    List<SentenceSentiment> s = SCORER.score(text).sentences();
    assertEquals(2, s.size());
    assertEquals(Polarity.POSITIVE, s.get(0).sentiment().label());
    assertEquals(Polarity.NEGATIVE, s.get(1).sentiment().label());
    assertEquals(0, s.get(0).start());
    assertEquals(text.length(), s.get(1).end());
    assertTrue(text.substring(s.get(1).start()).startsWith("But"));
  }

  @Test
  void scoresAndConfidencesStayInRange() {
    for (String t : List.of("", "   ", "!!!", "GOOD GOOD GOOD GOOD GOOD GOOD!!!!!!", "😡😡😡😡😡😡😡")) {
      DocumentSentiment d = SCORER.score(t);
      assertTrue(d.document().score() >= -1 && d.document().score() <= 1, t);
      assertTrue(d.document().confidence() > 0 && d.document().confidence() < 1, t);
    }
    assertEquals(Polarity.NEUTRAL, SCORER.score("").document().label());
  }

  @Test
  void neverThrowsOnHostileText() {
    var random = new Random(20261123L);
    for (int i = 0; i < 300; i++) {
      var sb = new StringBuilder();
      int len = random.nextInt(200);
      for (int j = 0; j < len; j++) {
        int cp = random.nextInt(4) == 0 ? random.nextInt(0x1FAFF) : 32 + random.nextInt(95);
        if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          sb.appendCodePoint(cp);
        }
      }
      SCORER.score(sb.toString()); // seed 20261123 reproduces a failure
    }
    SCORER.score("<script>alert('x')</script>".repeat(20_000)); // a megabyte-ish line
  }

  @Test
  void recalibratesOnAgreementWithAReferenceScorer() {
    // A reference that calls everything negative: agreement is high where we say negative and nil
    // elsewhere, so after calibration a positive label is much less sure than a negative one.
    SentimentScorer alwaysNegative =
        new SentimentScorer() {
          @Override
          public DocumentSentiment score(String text) {
            return new DocumentSentiment(new Sentiment(Polarity.NEGATIVE, -0.5, 0.9), List.of());
          }

          @Override
          public String id() {
            return "always-negative";
          }
        };
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("Terrible, broken, useless " + i);
      texts.add("Wonderful, great, lovely " + i);
    }
    LexiconSentimentScorer calibrated = SCORER.calibratedAgainst(alwaysNegative, texts);
    double neg = calibrated.score("Terrible, broken, useless").document().confidence();
    double pos = calibrated.score("Wonderful, great, lovely").document().confidence();
    assertTrue(neg > 0.9 && pos < 0.1, () -> "negative " + neg + ", positive " + pos);
  }

  @Test
  void readsExplicitRatings() {
    assertEquals(Polarity.POSITIVE, SCORER.score("I give it 9/10").document().label());
    assertEquals(Polarity.NEGATIVE, SCORER.score("1 out of 5, sadly.").document().label());
  }

  @Test
  void isThreadSafeUnderParallelScoring() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      texts.add(i % 2 == 0 ? "Great service, thanks! " + i : "Still waiting, no response. " + i);
    }
    List<DocumentSentiment> sequential = texts.stream().map(SCORER::score).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DocumentSentiment>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> SCORER.score(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(sequential.get(i), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
