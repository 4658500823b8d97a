package dev.verbatim.validation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.validation.Fixtures;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.sample.Strategy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationStatsTest {
  @TempDir Path dir;

  @Test
  void statsFromTheQueueWithAgreementAndTopics() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("v.db"))) {
      long s = q.addSample(Fixtures.sample(300, 20, 0.5));
      List<ReviewItem> items = q.items(s);
      Instant t = Instant.parse("2026-03-01T00:00:00Z");
      int i = 0;
      for (ReviewItem it : items) {
        SentimentLabel truth = i % 4 == 0 ? SentimentLabel.values()[(it.predicted().ordinal() + 1) % 3] : it.predicted();
        q.save(it.itemId(), new Label("ann", truth, Map.of(it.topics().get(0), i % 5 != 0), null, false, false, "", t));
        if (it.overlap()) {
          SentimentLabel other = i % 3 == 0 ? SentimentLabel.values()[(truth.ordinal() + 1) % 3] : truth;
          q.save(it.itemId(), Label.sentiment("bob", other, t.plusSeconds(1)));
        }
        i++;
      }
      ValidationStats st = ValidationStats.compute(q.labeled(s), q.strata(s), Strategy.STRATIFIED, Estimator.defaults());
      assertEquals(20, st.labels());
      assertEquals("population", st.scope());
      assertEquals(10, st.agreementItems());
      assertNotNull(st.kappa());
      assertNotNull(st.alpha());
      assertTrue(st.accuracy().low() < st.accuracy().estimate() && st.accuracy().estimate() < st.accuracy().high());
      assertEquals(2, st.topicPrecision().size());
      JsonNode json = new ObjectMapper().valueToTree(st);
      for (String field : List.of("labels", "accuracy", "macro_f1", "kappa", "alpha")) {
        assertTrue(json.has(field), field);
      }
      assertTrue(json.get("accuracy").has("ci_low") && json.get("macro_f1").has("ci_high"));
    }
  }

  @Test
  void noOverlapMeansNoAgreement() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("w.db"))) {
      long s = q.addSample(Fixtures.sample(50, 5, 0));
      for (ReviewItem it : q.items(s)) {
        q.save(it.itemId(), Label.sentiment("ann", it.predicted(), Instant.now()));
      }
      ValidationStats st = ValidationStats.compute(q.labeled(s), q.strata(s), Strategy.UNCERTAINTY, Estimator.defaults());
      assertEquals("sample", st.scope());
      assertEquals(1.0, st.accuracy().estimate(), 1e-12);
      assertNull(st.kappa());
      assertNull(st.alpha());
    }
  }
}
