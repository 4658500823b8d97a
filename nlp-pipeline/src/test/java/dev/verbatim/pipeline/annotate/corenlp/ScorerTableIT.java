package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.annotate.CascadeSentimentScorer;
import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same table of sentences whose polarity no reasonable reader disputes, for every shipped
 * scorer (fast, corenlp, cascade) with the real CoreNLP models. The last column says whether
 * CoreNLP gets the row: its tokenizer drops emoji and hashtags and its model knows no sarcasm
 * cue, so on those rows only the fast scorer and the cascade are held to the label (a documented
 * limitation, README "Sentiment").
 */
class ScorerTableIT {

  private static LexiconSentimentScorer fast;
  private static CoreNlpSentimentScorer core;
  private static CascadeSentimentScorer cascade;

  @BeforeAll
  static void load() {
    fast = new LexiconSentimentScorer();
    core = new CoreNlpSentimentScorer(fast, CoreNlpSentimentScorer.Settings.defaults());
    cascade = new CascadeSentimentScorer(fast, core, 0.55);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The support team was great.                                          | POSITIVE | true
          The app is terrible.                                                 | NEGATIVE | true
          The app is not good.                                                 | NEGATIVE | true
          The room was not clean and the staff were not helpful.              | NEGATIVE | true
          It is not bad at all.                                                | POSITIVE | false
          The food was good but the service was awful.                         | NEGATIVE | true
          The service was slow but the staff were lovely.                      | POSITIVE | true
          The hotel was nice, but the room was dirty and the staff were rude.  | NEGATIVE | true
          This is an extremely good product.                                   | POSITIVE | true
          The delivery was extremely slow and the box was badly damaged.       | NEGATIVE | true
          I absolutely love this phone!                                        | POSITIVE | true
          Great, my flight is delayed again.                                   | NEGATIVE | false
          Love waiting on hold for two hours #sarcasm                          | NEGATIVE | false
          Oh great, another broken update. Just what I needed.                 | NEGATIVE | false
          Delivery was fast 👍                                                 | POSITIVE | false
          My order never arrived 😡                                            | NEGATIVE | false
          Works fine :)                                                        | POSITIVE | true
          I love it 😍                                                         | POSITIVE | true
          What time does the store open?                                       | NEUTRAL  | true
          """)
  void everyScorerLabelsUndisputedSentences(String text, Polarity expected, boolean coreGetsIt) {
    assertEquals(expected, fast.score(text).document().label(), () -> "fast: " + text);
    assertEquals(expected, cascade.score(text).document().label(), () -> "cascade: " + text);
    if (coreGetsIt) {
      assertEquals(expected, core.score(text).document().label(), () -> "corenlp: " + text);
    }
  }

  @Test
  void everyScorerKeepsMixedSentenceLabels() {
    String text = "The support agent was wonderful. The billing system is a terrible mess.";
    for (SentimentScorer s : List.of(fast, core, cascade)) {
      List<SentenceSentiment> sentences = s.score(text).sentences();
      assertEquals(2, sentences.size(), s.id());
      assertEquals(Polarity.POSITIVE, sentences.get(0).sentiment().label(), s.id());
      assertEquals(Polarity.NEGATIVE, sentences.get(1).sentiment().label(), s.id());
    }
  }

  @Test
  void cascadeIsThreadSafeAndCountsItsHandOvers() throws Exception {
    var texts = new ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      texts.add(switch (i % 4) {
        case 0 -> "I love this product, it works great.";
        case 1 -> "The delivery was late and the box was broken.";
        case 2 -> "The invoice lists the order number.";
        default -> "It arrived, I suppose, and it sort of works.";
      });
    }
    var own = new CascadeSentimentScorer(fast, core, 0.55);
    List<DocumentSentiment> sequential = new ArrayList<>();
    for (String t : texts) {
      sequential.add(own.score(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var futures = new ArrayList<Future<DocumentSentiment>>();
      for (String t : texts) {
        futures.add(pool.submit(() -> own.score(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(sequential.get(i), futures.get(i).get(), texts.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(80L, own.counters().get("documents"));
    long handed = own.counters().get("handed_over").longValue();
    assertTrue(handed > 0 && handed < 80, own.counters()::toString);
    assertEquals(0L, own.counters().get("slow_failures"));
  }

  @Test
  void cascadeSurvivesASentenceCoreNlpCannotParse() {
    String longSentence = "the awful app crashed again and ".repeat(20) + "nobody helped.";
    var always = new CascadeSentimentScorer(fast, core, 1.0); // hands everything to CoreNLP
    long before = core.counters().get("fallback_sentences").longValue();
    DocumentSentiment d = always.score("Fine, I guess. " + longSentence);
    assertEquals(Polarity.NEGATIVE, d.sentences().get(1).sentiment().label());
    assertTrue(core.counters().get("fallback_sentences").longValue() > before);
  }
}
