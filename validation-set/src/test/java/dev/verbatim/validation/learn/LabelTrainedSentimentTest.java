package dev.verbatim.validation.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.SentimentModel;
import dev.verbatim.validation.estimate.Estimator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelTrainedSentimentTest {
  @TempDir Path dir;

  private static final String[] POS = {"love it", "great service", "thanks so much", "awesome crew", "really helpful"};
  private static final String[] NEG = {"flight delayed again", "lost my bag", "rude agent", "worst airline", "not helpful at all"};
  private static final String[] NEU = {"what time is boarding", "is there wifi", "flying to denver", "booking for two", "gate change"};

  /** A base scorer that always says neutral: the model must learn from the words. */
  private static List<TrainingExample> examples(int copies, long seed) {
    Random rng = new Random(seed);
    List<TrainingExample> out = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      for (String[] group : new String[][] {POS, NEG, NEU}) {
        SentimentLabel truth = group == POS ? SentimentLabel.POSITIVE : group == NEG ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        String text = group[rng.nextInt(group.length)] + (rng.nextBoolean() ? " today" : "");
        out.add(new TrainingExample(new ScoredText(text, SentimentLabel.NEUTRAL, 0, 0.5), truth));
      }
    }
    return out;
  }

  @Test
  void learnsWhatTheBaseScorerMisses() {
    LabelTrainedSentiment m = LabelTrainedSentiment.train(examples(20, 1), LabelTrainedSentiment.Options.defaults());
    assertEquals(SentimentLabel.NEGATIVE, m.predict(new ScoredText("my bag was lost", SentimentLabel.NEUTRAL, 0, 0.5)).label());
    assertEquals(SentimentLabel.POSITIVE, m.predict(new ScoredText("great crew, thanks", SentimentLabel.NEUTRAL, 0, 0.5)).label());
    assertTrue(m.predict(new ScoredText("<script>\u0000" + "x".repeat(100_000), SentimentLabel.NEUTRAL, 0, 0.5))
        .confidence() > 0, "hostile text is scored, not thrown");
  }

  @Test
  void beforeAfterOnHeldOutLabels() {
    LearnReport r = Evaluation.beforeAfter(examples(30, 2), LabelTrainedSentiment.learner(
        LabelTrainedSentiment.Options.defaults()), 0.2, 1, new Estimator(0.95, 200, 1));
    assertEquals(72, r.trainLabels());
    assertEquals(18, r.heldOutLabels());
    assertTrue(r.after().accuracy().estimate() > r.before().accuracy().estimate() + 0.3, r.toString());
    assertTrue(r.after().macroF1().low() <= r.after().macroF1().estimate());
  }

  @Test
  void recalibrationUsesOnlyTheBaseScorer() {
    // base says positive with high score exactly when the truth is positive; text is noise
    List<TrainingExample> xs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      SentimentLabel t = SentimentLabel.values()[i % 3];
      double score = t == SentimentLabel.POSITIVE ? 0.8 : t == SentimentLabel.NEGATIVE ? -0.8 : 0;
      xs.add(new TrainingExample(new ScoredText("same words", SentimentLabel.NEUTRAL, score, 0.5), t));
    }
    SentimentModel m = LabelTrainedSentiment.train(xs, LabelTrainedSentiment.Options.defaults().withTextFeatures(false)
        .withSeed(3));
    assertEquals(SentimentLabel.POSITIVE, m.predict(new ScoredText("other", SentimentLabel.NEUTRAL, 0.8, 0.5)).label());
    assertEquals(SentimentLabel.NEGATIVE, m.predict(new ScoredText("other", SentimentLabel.NEUTRAL, -0.8, 0.5)).label());
  }

  @Test
  void savesAndLoadsTheSameModel() throws Exception {
    LabelTrainedSentiment m = LabelTrainedSentiment.train(examples(10, 4), LabelTrainedSentiment.Options.defaults());
    Path file = dir.resolve("models/sentiment-labels.json");
    m.save(file);
    LabelTrainedSentiment back = LabelTrainedSentiment.load(file);
    assertEquals(m.options(), back.options());
    for (TrainingExample x : examples(3, 9)) {
      assertEquals(m.predict(x.input()).label(), back.predict(x.input()).label());
      assertEquals(m.predict(x.input()).confidence(), back.predict(x.input()).confidence(), 1e-5);
    }
    Files.writeString(dir.resolve("bad.json"), "{\"format\": \"something else\"}");
    assertThrows(java.io.IOException.class, () -> LabelTrainedSentiment.load(dir.resolve("bad.json")));
  }

  @Test
  void selfTrainingAddsConfidentPseudoLabels() {
    List<ScoredText> unlabeled = new ArrayList<>();
    for (TrainingExample x : examples(10, 6)) {
      unlabeled.add(x.input());
    }
    LabelTrainedSentiment m = LabelTrainedSentiment.selfTrain(examples(10, 5), unlabeled, 0.7, 0.3,
        LabelTrainedSentiment.Options.defaults());
    assertEquals(30, m.trainedOn());
    assertEquals(SentimentLabel.NEGATIVE, m.predict(new ScoredText("rude agent", SentimentLabel.NEUTRAL, 0, 0.5)).label());
  }

  @Test
  void refusesTooFewLabels() {
    assertThrows(IllegalArgumentException.class,
        () -> LabelTrainedSentiment.train(examples(1, 1), LabelTrainedSentiment.Options.defaults()));
  }

  @Test
  void trainingIsReproducibleBySeed() {
    var a = LabelTrainedSentiment.train(examples(10, 5), LabelTrainedSentiment.Options.defaults());
    var b = LabelTrainedSentiment.train(examples(10, 5), LabelTrainedSentiment.Options.defaults());
    ScoredText probe = new ScoredText("thanks, delayed", SentimentLabel.NEUTRAL, 0, 0.5);
    assertEquals(a.predict(probe), b.predict(probe));
  }

  /**
   * With sentence embeddings the model generalises to words it never saw in the labels: "the
   * steward was impolite" shares no word with the training texts, but its meaning is near "rude
   * agent". Loads the shipped e5-small-v2 encoder (about a second).
   */
  @Test
  void sentenceEmbeddingsCarryMeaningBeyondTheLabelledWords() throws Exception {
    LabelTrainedSentiment.Options o = LabelTrainedSentiment.Options.recommended();
    List<TrainingExample> train = examples(10, 7);
    LabelTrainedSentiment.prepare(train.stream().map(e -> e.input().text()).toList(), o);
    LabelTrainedSentiment m = LabelTrainedSentiment.selfTrain(train, List.of(
        new ScoredText("a very rude crew member", SentimentLabel.NEUTRAL, 0, 0.5),
        new ScoredText("my suitcase was lost", SentimentLabel.NEUTRAL, 0, 0.5)), 0.7, 0.3, 2, o);
    ScoredText unseen = new ScoredText("the steward was impolite and nasty", SentimentLabel.NEUTRAL, 0, 0.5);
    assertEquals(SentimentLabel.NEGATIVE, m.predict(unseen).label());
    ScoredText praise = new ScoredText("wonderful, lovely staff", SentimentLabel.NEUTRAL, 0, 0.5);
    assertEquals(SentimentLabel.POSITIVE, m.predict(praise).label());

    Path file = dir.resolve("models/emb.json");
    m.save(file);
    LabelTrainedSentiment back = LabelTrainedSentiment.load(file);
    assertEquals(m.predict(unseen).confidence(), back.predict(unseen).confidence(), 1e-5);
    Files.writeString(file, Files.readString(file).replace(TextEmbeddings.ENCODER_ID, "other-encoder"));
    var e = assertThrows(java.io.IOException.class, () -> LabelTrainedSentiment.load(file));
    assertTrue(e.getMessage().contains("run `validate learn` again"), e.getMessage());
  }

  /**
   * Centred embeddings: the model keeps the mean embedding of the texts it was trained among (here
   * the labelled and unlabelled texts of a self-training run) in its file, and predicts the same
   * after loading; a file that centres but has lost its mean is refused; a v1 file still loads.
   * A fake four-dimensional encoder (every text near one common direction, as real sentence
   * embeddings of one domain are) keeps this small and exact.
   */
  @Test
  void centredEmbeddingsKeepTheirMeanInTheModelFile() throws Exception {
    TextEmbeddings fake = new TextEmbeddings(new dev.verbatim.topics.embed.SentenceEncoder() {
      @Override
      public List<float[]> encode(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
          float neg = t.contains("rude") || t.contains("lost") || t.contains("worst") ? 0.2f : 0;
          float pos = t.contains("great") || t.contains("thanks") || t.contains("love") ? 0.2f : 0;
          float[] v = {1, neg, pos, 0.05f * (t.length() % 3)};
          double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[3] * v[3]);
          for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / n);
          }
          out.add(v);
        }
        return out;
      }

      @Override
      public int dimension() {
        return 4;
      }

      @Override
      public String id() {
        return TextEmbeddings.ENCODER_ID; // stands in for the shipped encoder
      }
    });
    TextEmbeddings before = TextEmbeddings.shipped();
    TextEmbeddings.useShared(fake);
    try {
      LabelTrainedSentiment.Options o = LabelTrainedSentiment.Options.recommended().withCentering(true);
      List<TrainingExample> train = examples(10, 8);
      List<ScoredText> unlabeled = List.of(new ScoredText("so rude", SentimentLabel.NEUTRAL, 0, 0.5),
          new ScoredText("great, thanks", SentimentLabel.NEUTRAL, 0, 0.5));
      LabelTrainedSentiment m = LabelTrainedSentiment.selfTrain(train, unlabeled, 0.7, 0.3, 2, o);
      List<String> all = new ArrayList<>();
      train.forEach(x -> all.add(x.input().text()));
      unlabeled.forEach(u -> all.add(u.text()));
      float[] mean = LabelTrainedSentiment.embeddingMean(all, o);

      Path file = dir.resolve("models/centred.json");
      m.save(file);
      var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
      assertEquals(2, root.path("version").asInt());
      assertEquals(4, root.path("embedding_mean").size());
      for (int i = 0; i < 4; i++) {
        assertEquals(mean[i], root.path("embedding_mean").get(i).asDouble(), 1e-6);
      }
      LabelTrainedSentiment back = LabelTrainedSentiment.load(file);
      ScoredText probe = new ScoredText("worst, rude", SentimentLabel.NEUTRAL, 0, 0.5);
      assertEquals(m.predict(probe).label(), back.predict(probe).label());
      assertEquals(m.predict(probe).confidence(), back.predict(probe).confidence(), 1e-5);

      Path lost = dir.resolve("models/lost.json");
      Files.writeString(lost, Files.readString(file).replaceAll("\\\"embedding_mean\\\":\\[[^\\]]*\\],?", ""));
      var e = assertThrows(java.io.IOException.class, () -> LabelTrainedSentiment.load(lost));
      assertTrue(e.getMessage().contains("embedding_mean"), e.getMessage());

      LabelTrainedSentiment plain = LabelTrainedSentiment.train(train, LabelTrainedSentiment.Options.defaults());
      Path v1 = dir.resolve("models/v1.json");
      plain.save(v1);
      Files.writeString(v1, Files.readString(v1).replace("\"version\":2", "\"version\":1"));
      assertEquals(plain.predict(probe).label(), LabelTrainedSentiment.load(v1).predict(probe).label());
      assertEquals(plain.predict(probe).confidence(), LabelTrainedSentiment.load(v1).predict(probe).confidence(), 1e-5);
    } finally {
      TextEmbeddings.useShared(before);
    }
  }
}
