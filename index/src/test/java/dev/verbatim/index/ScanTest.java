package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Redacted;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {
  @TempDir Path dir;

  @Test
  void scanReadsEveryColumnOfEveryMatchingRecord() throws Exception {
    List<IndexRecord> records = new ArrayList<>(Fixtures.six());
    Redacted dup =
        Fixtures.redacted("zendesk", "T-3", Channel.TICKET, "2026-03-03T10:00:00Z", "acme", null,
            "en", "I was charged twice for my subscription. Please refund the double charge.");
    dup = new Redacted(dup.id(), dup.channel(), dup.eventTime(), dup.accountId(), null, null, null,
        Map.of(), dup.turns(), dup.text(), List.of(), "en", new FeedbackId("zendesk", "T-1"));
    records.add(
        IndexRecord.of(dup)
            .withSentiment("negative", -0.7, 0.83)
            .withTopicTags(
                List.of(new TopicTag("billing", 0.6, "negative"), new TopicTag("support", 0.4, "positive")))
            .withAccount("enterprise", "pro"));
    Fixtures.index(dir, records);

    Map<String, RecordFacts> byKey = new TreeMap<>();
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      s.scan(SearchRequest.of("", 10), true, f -> byKey.put(f.key(), f));
      assertEquals(7, byKey.size());

      RecordFacts t3 = byKey.get("zendesk/T-3");
      assertTrue(t3.duplicate());
      assertEquals(0.83, t3.sentimentConfidence(), 1e-9);
      assertEquals(-0.7, t3.sentimentScore(), 1e-9);
      assertEquals(List.of("billing", "support"), t3.topics());
      assertEquals(List.of("billing"), t3.negativeTopics());
      assertEquals("positive", t3.topicSentiment("support"));
      assertEquals("negative", t3.topicSentiment("billing"));
      assertNull(t3.topicSentiment("app"));
      assertEquals("enterprise", t3.segment());
      assertEquals(Instant.parse("2026-03-03T10:00:00Z"), t3.eventTime());

      RecordFacts r1 = byKey.get("play/R-1");
      assertFalse(r1.duplicate());
      assertNull(r1.sentimentConfidence());
      assertNull(r1.account());
      assertEquals(3.0, r1.rating(), 1e-9);
      assertEquals("stars", r1.ratingScale());
      assertEquals("de", r1.language());
      assertEquals("neutral", r1.topicSentiment("app"));

      // filters and query narrow the scan; without stored fields there is no key or text
      List<RecordFacts> negative = new ArrayList<>();
      s.scan(SearchRequest.builder("charge").filter("sentiment", "negative").build(), false, negative::add);
      assertEquals(3, negative.size());
      assertTrue(negative.stream().allMatch(f -> f.key() == null && f.text() == null));

      List<RecordFacts> topicNegative = new ArrayList<>();
      s.scan(SearchRequest.of("topic_negative:billing", 10), false, topicNegative::add);
      assertEquals(1, topicNegative.size());

      assertThrows(IllegalArgumentException.class,
          () -> s.scan(SearchRequest.of("\"unbalanced", 10), false, f -> {}));
    }
  }
}
