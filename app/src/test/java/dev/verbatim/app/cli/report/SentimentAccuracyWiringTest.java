package dev.verbatim.app.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.app.Workspace;
import dev.verbatim.trends.report.SentimentAccuracy;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The friction report shows the sentiment accuracy reviewers measured, and nothing before they have. */
class SentimentAccuracyWiringTest {
  @TempDir Path dir;

  @Test
  void noReviewsMeansNotMeasured() throws Exception {
    Workspace ws = new Workspace(dir);
    assertNull(FrictionCommand.sentimentAccuracy(ws));
    Files.createDirectories(dir);
    try (ReviewQueue q = ReviewQueue.open(ws.validationDb())) {
      q.addSample(new Sampler().draw(population(), new SamplePlan(Strategy.STRATIFIED, 10, 1, 0.0, List.of())));
    }
    assertNull(FrictionCommand.sentimentAccuracy(ws), "a sample nobody labelled measures nothing");
  }

  @Test
  void labelsOfTheStratifiedSampleGiveTheAccuracyWithItsInterval() throws Exception {
    Workspace ws = new Workspace(dir);
    Files.createDirectories(dir);
    int labelled = 0;
    int agreed = 0;
    try (ReviewQueue q = ReviewQueue.open(ws.validationDb())) {
      long s = q.addSample(new Sampler().draw(population(), new SamplePlan(Strategy.STRATIFIED, 10, 1, 0.0, List.of())));
      for (Optional<ReviewItem> next = q.next("ann", s); next.isPresent(); next = q.next("ann", s)) {
        ReviewItem item = next.get();
        // the reviewer agrees with the machine on every other item
        SentimentLabel truth = labelled % 2 == 0 ? item.predicted() : SentimentLabel.NEUTRAL;
        if (truth == item.predicted()) agreed++;
        q.save(item.itemId(), Label.sentiment("ann", truth, Instant.parse("2026-05-01T00:00:00Z")));
        labelled++;
      }
    }
    SentimentAccuracy a = FrictionCommand.sentimentAccuracy(ws);
    assertNotNull(a);
    assertEquals(labelled, a.n());
    assertTrue(a.low() <= a.accuracy() && a.accuracy() <= a.high(), a.toString());
    assertTrue(a.basis().contains("stratified"), a.basis());
    assertTrue(agreed > 0 && agreed < labelled);
  }

  private static List<PopulationRecord> population() {
    List<PopulationRecord> out = new ArrayList<>();
    SentimentLabel[] labels = {SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE};
    for (int i = 0; i < 60; i++) {
      out.add(new PopulationRecord("zendesk/T-" + i, "text " + i, i % 3 == 0 ? "chat" : "ticket",
          labels[i % 2], i % 2 == 0 ? -0.5 : 0.5, 0.7, List.of(), null, null, List.of()));
    }
    return out;
  }
}
