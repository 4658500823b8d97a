package dev.verbatim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.RecordFacts;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import dev.verbatim.validation.learn.TrainingExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --scorer learned}: the next run scores with what reviewers taught. Reviewers here say
 * that "the sync is glacial" is a complaint, which the lexicon cannot know ("glacial" carries no
 * valence in it); after {@code validate learn}'s model is in the workspace, a run labels such texts
 * negative, and the run report names the scorer.
 */
class LearnedScorerRunTest {
  @TempDir Path dir;

  private static final String[] SLOW = {
    "the sync is glacial", "export is glacial again", "glacial dashboard today", "search feels glacial"};
  private static final String[] OTHER = {
    "the invoice page lists last month", "we export to csv on fridays", "the dashboard shows weekly totals",
    "search covers the notes field"};

  @Test
  void aRunWithTheLearnedScorerUsesTheReviewersModel() throws Exception {
    var base = new LexiconSentimentScorer();
    List<TrainingExample> labels = new ArrayList<>();
    for (int copy = 0; copy < 10; copy++) {
      for (String t : SLOW) labels.add(example(base, t + " " + copy, SentimentLabel.NEGATIVE));
      for (String t : OTHER) labels.add(example(base, t + " " + copy, SentimentLabel.NEUTRAL));
    }
    Workspace ws = new Workspace(dir.resolve("ws"));
    Path model = SentimentScorers.learnedModel(ws.root());
    Files.createDirectories(model.getParent());
    LabelTrainedSentiment.train(labels, LabelTrainedSentiment.Options.defaults().withSeed(7)).save(model);

    Path input = dir.resolve("in.jsonl");
    var lines = new ArrayList<String>();
    String[] texts = {"Honestly the sync is glacial this week", "Our dashboard shows weekly totals"};
    for (int i = 0; i < texts.length; i++) {
      lines.add("{\"id\":\"r" + i + "\",\"source\":\"test\",\"channel\":\"review\","
          + "\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"" + texts[i] + "\"}");
    }
    Files.write(input, lines);
    assertEquals(Polarity.NEUTRAL, base.score(texts[0]).document().label(), "the lexicon alone has no opinion");

    RunReport report = PipelineRun.execute(ws,
        PipelineRun.Options.of(List.of(input))
            .withTopics(PipelineRun.TopicOptions.off())
            .withScorer(SentimentScorers.Name.learned),
        ProgressListener.NONE);

    @SuppressWarnings("unchecked")
    Map<String, Object> sentiment = (Map<String, Object>) report.extra().get("sentiment");
    assertTrue(sentiment.get("scorer").toString().startsWith("label-trained-80+"), sentiment.toString());
    assertEquals(80, ((Number) sentiment.get("trained_on_labels")).intValue());
    Map<String, RecordFacts> byKey = new HashMap<>();
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      s.scan(SearchRequest.of("", 10), true, f -> byKey.put(f.key(), f));
    }
    assertEquals(2, byKey.size(), byKey.keySet().toString());
    assertEquals("negative", byKey.get("test/r0").sentiment());
    assertEquals("neutral", byKey.get("test/r1").sentiment());
    double confidence = byKey.get("test/r0").sentimentConfidence();
    assertTrue(confidence > 0.5 && confidence <= 1, "the model's probability: " + confidence);
  }

  @Test
  void withoutALearnedModelTheRunSaysWhatToDoAndWritesNothing() throws Exception {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"source\":\"t\",\"channel\":\"review\","
        + "\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"fine\"}\n");
    Workspace ws = new Workspace(dir.resolve("empty"));
    var e = assertThrows(IllegalArgumentException.class, () -> PipelineRun.execute(ws,
        PipelineRun.Options.of(List.of(input)).withScorer(SentimentScorers.Name.learned), ProgressListener.NONE));
    assertTrue(e.getMessage().contains("validate learn"), e.getMessage());
    assertFalse(Files.exists(ws.index()), "nothing written");
  }

  private static TrainingExample example(LexiconSentimentScorer base, String text, SentimentLabel truth) {
    return new TrainingExample(LabelTrainedScorer.input(text, base.score(text).document()), truth);
  }
}
