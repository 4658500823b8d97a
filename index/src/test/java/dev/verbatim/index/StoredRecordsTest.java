package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.PiiSpan;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index → record round trip that {@link FeedbackIndexer#rewrite} (topic re-tagging) relies on:
 * a record with every component of {@link IndexRecord} and {@link Redacted} set comes back equal.
 * A component added to either record without being stored and read back fails here: first the
 * check that the sample sets it, then the equality.
 */
class StoredRecordsTest {
  @TempDir Path dir;

  static IndexRecord full() {
    String text = "Charged twice for [EMAIL]. Support was great though.";
    Redacted r = new Redacted(new FeedbackId("zendesk", "T/42"), Channel.TICKET,
        Instant.parse("2026-03-01T10:15:30.123Z"), "acme", "cust-7", new Rating(2, RatingScale.CSAT),
        "Refund <b>please</b>", Map.of("priority", "high", "tags", "billing,vip"),
        List.of(new Turn(Speaker.CUSTOMER, "Charged twice for [EMAIL].", Instant.parse("2026-03-01T10:15:30Z")),
            new Turn(Speaker.AGENT, "Sorry about that!", null)),
        text, List.of(new PiiSpan("EMAIL", 18, 25)), "en", new FeedbackId("zendesk", "T/41"),
        List.of(new Cleaned.Segment(0, 0, 0, 26), new Cleaned.Segment(0, 1, 27, text.length())));
    return IndexRecord.of(r)
        .withSentiment("negative", -0.25, 0.8)
        .withTopicTags(List.of(new TopicTag("t3", 0.75, "negative"), new TopicTag("t7", 0.125, "positive"),
            new TopicTag("t9", 0.05, null)))
        .withAccount("enterprise", "pro")
        .withSentences(List.of(new SentenceMark(0, 26, "negative", -0.5), new SentenceMark(27, text.length(), "positive", 0.6)))
        .withVector(new float[] {0f, 0f, 1f}); // a unit vector: normalising it again changes nothing
  }

  @Test
  void everyComponentOfTheSampleIsSet() throws Exception {
    IndexRecord ir = full();
    assertSet(ir, "IndexRecord");
    assertSet(ir.redacted(), "Redacted");
  }

  private static void assertSet(Record r, String what) throws Exception {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = c.getAccessor().invoke(r);
      String name = what + "." + c.getName();
      assertNotNull(v, name + " is null in the sample: set it so the round trip covers it");
      if (v instanceof Collection<?> col) assertFalse(col.isEmpty(), name + " is empty in the sample");
      if (v instanceof Map<?, ?> map) assertFalse(map.isEmpty(), name + " is empty in the sample");
      if (v instanceof Double d) assertFalse(d.isNaN() || d == 0, name + " is NaN or 0 in the sample");
      if (v.getClass().isArray()) assertFalse(java.lang.reflect.Array.getLength(v) == 0, name + " is empty in the sample");
    }
  }

  @Test
  void recordsRoundTripThroughTheIndex() throws Exception {
    IndexRecord original = full();
    IndexRecord bare = IndexRecord.of(Fixtures.redacted("play", "R-1", Channel.REVIEW, "2026-04-01T00:00:00Z",
        null, null, "de", "Die App ist okay."));
    List<IndexRecord> back = new ArrayList<>();
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-1", 100)) {
      ix.vectorModel("test-encoder");
      ix.apply(original);
      ix.apply(bare);
      ix.commit();
      assertEquals(2, ix.rewrite(r -> {
        back.add(r);
        return r;
      }));
    }
    back.sort(java.util.Comparator.comparing(r -> r.redacted().id().key()));
    assertEquals(List.of(bare, original), back);
  }

  @Test
  void rewriteReplacesTopicTagsWithoutDuplicatingRecords() throws Exception {
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-1", 100)) {
      ix.vectorModel("test-encoder");
      ix.apply(full());
      ix.commit();
      ix.rewrite(r -> r.withTopicTags(List.of(new TopicTag("t12", 1.0, "positive"))));
    }
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      assertEquals(1, s.count());
      assertEquals(1, s.search("topic_positive:t12", 10).total());
      assertEquals(0, s.search("topic:t3", 10).total());
    }
  }
}
