package dev.verbatim.topics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbeddingTopicTrainerTest {
  private static final SimpleTermAnalyzer ANALYZER = new SimpleTermAnalyzer();
  private static final EmbeddingTopicTrainer TRAINER =
      new EmbeddingTopicTrainer(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER);
  private static final TopicParams PARAMS = TopicParams.defaults().withTopics(3).withSeed(7);

  /**
   * A fixed-seed fit of the tiny literal corpus, pinned as text in golden/tiny-fit.txt.
   *
   * <p>Regenerate (run with {@code -Dgolden.update=true}) only when a change to the method is meant
   * to change topics, labels or ids (tokenizer, stopwords, k-means, labeller), and read the diff:
   * the three themes must still come out as three topics with readable labels. Never regenerate to
   * silence a failure you cannot explain; that is a determinism bug.
   */
  @Test
  void fixedSeedFitMatchesGolden() throws IOException {
    String actual = render(TRAINER.fit(TinyCorpus.load(), PARAMS).topics());
    Path golden = Path.of("src/test/resources/golden/tiny-fit.txt");
    if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual, StandardCharsets.UTF_8);
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
  }

  @Test
  void findsTheThreeThemesOfTheTinyCorpus() {
    EmbeddingTopicModel m = TRAINER.fit(TinyCorpus.load(), PARAMS);
    // at least 7 of each theme's 8 records share one topic, a different one per theme (the hashing
    // encoder is meaning-blind, so "two factor code never arrives" may stray)
    Set<Object> majorities = new HashSet<>();
    for (String prefix : List.of("b", "l", "d")) {
      java.util.Map<Object, Integer> count = new java.util.HashMap<>();
      for (int i = 1; i <= 8; i++) count.merge(m.training().get(prefix + i).mix().top(), 1, Integer::sum);
      var best = count.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
      assertTrue(best.getValue() >= 7, prefix + " records spread over " + count);
      majorities.add(best.getKey());
    }
    assertEquals(3, majorities.size());
    Set<String> labels = new HashSet<>();
    for (Topic t : m.topics()) labels.add(t.label());
    assertEquals(3, labels.size(), "labels must be distinct");
  }

  @Test
  void sameCorpusParamsAndSeedGiveTheSameModel() {
    EmbeddingTopicModel a = TRAINER.fit(TinyCorpus.load(), PARAMS);
    EmbeddingTopicModel b = TRAINER.fit(TinyCorpus.load(), PARAMS);
    assertEquals(a.topics(), b.topics());
    assertEquals(a.training(), b.training());
  }

  @Test
  void topicMixesSumToOneForTrainingAndNewRecords() {
    EmbeddingTopicModel m = TRAINER.fit(TinyCorpus.load(), PARAMS);
    for (DocumentTopics dt : m.training().values()) assertSumsToOne(dt);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(200);
      for (int j = 0; j < len; j++) sb.appendCodePoint(rnd.nextInt(3) == 0 ? ' ' : rnd.nextInt(0x20, 0x3000));
      if (i % 10 == 0) sb.append(". Refund my double charge! Password reset broken.\nPackage late.");
      DocumentTopics dt = m.infer(TopicDocument.of("r" + i, sb.toString()));
      assertSumsToOne(dt);
      assertEquals(dt.sentences().size(), dt.sentenceTopics().size());
    }
  }

  @Test
  void aTicketAboutTwoThemesGetsBothAtSentenceLevel() {
    EmbeddingTopicModel m = TRAINER.fit(TinyCorpus.load(), PARAMS);
    DocumentTopics dt = m.infer(TopicDocument.of("x",
        "You charged my card twice, refund the double charge. Also the password reset link does not work."));
    assertEquals(2, dt.sentenceTopics().size());
    assertFalse(dt.sentenceTopics().get(0).equals(dt.sentenceTopics().get(1)));
    assertEquals(2, dt.mix().weights().size());
  }

  @Test
  void emptyCorpusIsRejected() {
    try {
      TRAINER.fit(new Corpus(List.of()), PARAMS);
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void chosesAKAutomaticallyWithinRange() {
    EmbeddingTopicModel m = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopicRange(2, 6));
    assertTrue(m.topics().size() >= 2 && m.topics().size() <= 6, "K=" + m.topics().size());
  }

  private static final EmbeddingTopicTrainer HYBRID =
      new EmbeddingTopicTrainer(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER, 0.5);

  @Test
  void hybridFitIsDeterministicAndInfersTheFitsTopicsForItsOwnRecords() {
    EmbeddingTopicModel a = HYBRID.fit(TinyCorpus.load(), PARAMS);
    EmbeddingTopicModel b = HYBRID.fit(TinyCorpus.load(), PARAMS);
    assertEquals(a.topics(), b.topics());
    assertEquals(a.training(), b.training());
    assertTrue(a.method().endsWith("+tfidf0.50"), a.method());
    // inference uses the same hybrid centroids as the fit, so a training record gets its own topic back
    for (TopicDocument doc : TinyCorpus.load().documents()) {
      DocumentTopics dt = a.infer(doc);
      assertSumsToOne(dt);
      assertEquals(a.training().get(doc.id()).mix().top(), dt.mix().top(), doc.id());
    }
    Set<Object> majorities = new HashSet<>();
    for (String prefix : List.of("b", "l", "d")) {
      java.util.Map<Object, Integer> count = new java.util.HashMap<>();
      for (int i = 1; i <= 8; i++) count.merge(a.training().get(prefix + i).mix().top(), 1, Integer::sum);
      majorities.add(count.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey());
    }
    assertEquals(3, majorities.size(), "the three themes are three topics");
  }

  /** An encoder that gives every text the same vector, so only the lexical half can tell records apart. */
  private static final dev.verbatim.topics.embed.SentenceEncoder BLIND = new dev.verbatim.topics.embed.SentenceEncoder() {
    @Override
    public List<float[]> encode(List<String> texts) {
      List<float[]> out = new java.util.ArrayList<>();
      for (int i = 0; i < texts.size(); i++) out.add(new float[] {1, 0, 0, 0});
      return out;
    }

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public String id() {
      return "blind";
    }
  };

  @Test
  void hybridInferenceUsesTheLexicalHalf() {
    EmbeddingTopicModel m = new EmbeddingTopicTrainer(BLIND, ANALYZER, 0.5).fit(TinyCorpus.load(), PARAMS);
    Set<Object> tops = new HashSet<>();
    for (TopicDocument doc : TinyCorpus.load().documents()) {
      Object fit = m.training().get(doc.id()).mix().top();
      tops.add(fit);
      assertEquals(fit, m.infer(doc).mix().top(), doc.id());
    }
    assertEquals(3, tops.size(), "the TF-IDF half alone separates the three themes");
  }

  @Test
  void lengthRuleAddsTheLexicalHalfOnlyForLongRecords() {
    var rule = EmbeddingTopicTrainer.withLengthRule(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER);
    Corpus tiny = TinyCorpus.load(); // one-line records, under 15 tokens on average
    EmbeddingTopicModel shortFit = rule.fit(tiny, PARAMS);
    assertEquals(TRAINER.id(), shortFit.method());
    assertEquals(TRAINER.fit(tiny, PARAMS).training(), shortFit.training());
    List<TopicDocument> longer = new java.util.ArrayList<>();
    for (TopicDocument d : tiny.documents()) {
      longer.add(TopicDocument.of(d.id(), d.text() + " " + d.text() + " " + d.text() + " " + d.text()));
    }
    EmbeddingTopicModel longFit = rule.fit(new Corpus(longer), PARAMS);
    assertEquals(TRAINER.id() + "+tfidf0.50", longFit.method());
    assertEquals(HYBRID.fit(new Corpus(longer), PARAMS).training(), longFit.training());
  }

  @Test
  void hybridModelMergesAndStillInfers() {
    EmbeddingTopicModel m = HYBRID.fit(TinyCorpus.load(), PARAMS);
    var ids = m.topics().stream().map(Topic::id).toList();
    EmbeddingTopicModel merged = m.merge(ids.get(2), ids.get(0));
    assertEquals(2, merged.topics().size());
    for (TopicDocument doc : TinyCorpus.load().documents()) {
      DocumentTopics dt = merged.infer(doc);
      assertSumsToOne(dt);
      assertTrue(dt.mix().top().equals(ids.get(0)) || dt.mix().top().equals(ids.get(1)), doc.id());
    }
  }

  @Test
  void lexicalWeightOutsideZeroToOneIsRejected() {
    for (double w : new double[] {-0.1, 1.0, Double.NaN}) {
      try {
        new EmbeddingTopicTrainer(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER, w);
      } catch (IllegalArgumentException expected) {
        continue;
      }
      throw new AssertionError("no exception for " + w);
    }
    assertEquals("kmeans/" + new HashingSentenceEncoder(ANALYZER, 256).id(), TRAINER.id());
  }

  static void assertSumsToOne(DocumentTopics dt) {
    double s = 0;
    for (double w : dt.mix().weights().values()) s += w;
    assertEquals(1.0, s, 1e-9);
  }

  static String render(List<Topic> topics) {
    StringBuilder sb = new StringBuilder();
    for (Topic t : topics) {
      sb.append(t.id()).append('\t').append(t.size()).append('\t').append(t.label()).append('\t')
          .append(String.join(" ", t.topTerms())).append('\t').append(String.join(" ", t.representativeIds())).append('\n');
    }
    return sb.toString();
  }
}
