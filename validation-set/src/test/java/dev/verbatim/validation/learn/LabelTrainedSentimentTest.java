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
   * agent". Loads the shipped MiniLM encoder (about a second).
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
    Files.writeString(file, Files.readString(file).replace("all-minilm-l6-v2-q", "other-encoder"));
    var e = assertThrows(java.io.IOException.class, () -> LabelTrainedSentiment.load(file));
    assertTrue(e.getMessage().contains("run `validate learn` again"), e.getMessage());
  }
}
