package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackIndexerTest {
  @TempDir Path dir;

  static Redacted record(String id, String text) {
    return new Redacted(new FeedbackId("zendesk", id), Channel.TICKET,
        Instant.parse("2026-03-02T10:15:00Z"), "acme", null, null, "Charged twice", Map.of(),
        List.of(Turn.customer(text)), text, List.of(), "en", null);
  }

  @Test
  void reindexingTheSameIdUpdatesInsteadOfDuplicating() throws IOException {
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-1", 1000)) {
      ix.forRedacted().apply(record("T-1", "I was billed twice this month"));
      ix.apply(IndexRecord.of(record("T-2", "Onboarding was confusing")));
    }
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-2", 1000)) {
      ix.apply(IndexRecord.of(record("T-1", "I was charged twice, refund please")));
    }
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      assertEquals(2, s.count());
      SearchResult r = s.search("refund", 10);
      assertEquals(1, r.total());
      assertEquals("T-1", r.hits().get(0).id());
      assertEquals(0, s.search("\"billed twice\"", 10).total(), "the old version is gone");
      assertEquals(1, s.search("charge", 10).total(), "English stemming: charge matches charged");
      assertEquals(2, s.search("", 10).total());
      assertEquals(1, s.search("channel:ticket AND onboarding", 10).total());
    }
  }

  @Test
  void relinkMarksCopiesAlreadyWrittenAndKeepsTheRest() throws IOException {
    FeedbackId original = new FeedbackId("zendesk", "T-1");
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-1", 1000)) {
      ix.apply(IndexRecord.of(record("T-1", "Bank sync fails every morning")));
      ix.apply(IndexRecord.of(record("T-2", "Bank sync fails every morning again")).withSentiment("negative", -0.6));
      ix.apply(IndexRecord.of(record("T-3", "Onboarding was confusing")));
      ix.commit();
      long marked = ix.relink(Map.of(new FeedbackId("zendesk", "T-2"), original,
          new FeedbackId("zendesk", "T-9"), original, // T-9 never reached the index
          new FeedbackId("zendesk", "T-3"), new FeedbackId("zendesk", "T-8"))); // T-8 was quarantined
      assertEquals(1, marked);
      assertEquals(0, ix.relink(Map.of(new FeedbackId("zendesk", "T-2"), original)), "already marked");
    }
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-2", 1000)) {
      // T-3 as an earlier run wrote it: this run did not index it (it quarantined it), so it is left alone
      assertEquals(0, ix.relink(Map.of(new FeedbackId("zendesk", "T-3"), original)));
    }
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      assertEquals(3, s.count(), "rewritten in place, not added");
      IndexRecord copy = s.record("zendesk/T-2").orElseThrow();
      assertEquals(original, copy.redacted().duplicateOf());
      assertEquals("negative", copy.sentimentLabel(), "the rest of the record is kept");
      assertEquals(null, s.record("zendesk/T-3").orElseThrow().redacted().duplicateOf());
      assertEquals(1, s.search("duplicate_of:\"zendesk/T-1\"", 10).total());
    }
  }

  @Test
  void turnsAreStoredOnlyWhenTheyAreMoreThanTheText() throws IOException {
    Redacted one = record("T-1", "I was billed twice");
    Redacted thread = new Redacted(new FeedbackId("zendesk", "T-2"), Channel.TICKET,
        Instant.parse("2026-03-02T10:15:00Z"), "acme", null, null, null, Map.of(),
        List.of(Turn.customer("Billed twice"), new Turn(dev.verbatim.pipeline.Speaker.AGENT, "Refunded", null)),
        "Billed twice", List.of(), "en", null);
    assertTrue(FeedbackIndexer.isJustTheText(one));
    assertEquals(false, FeedbackIndexer.isJustTheText(thread));
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-1", 1000)) {
      ix.apply(IndexRecord.of(one));
      ix.apply(IndexRecord.of(thread));
    }
    try (var reader = org.apache.lucene.index.DirectoryReader.open(
        org.apache.lucene.store.FSDirectory.open(dir))) {
      var stored = reader.storedFields();
      Map<String, String> turns = new java.util.TreeMap<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        var d = stored.document(doc);
        turns.put(d.get(IndexSchema.ID), String.valueOf(d.get(IndexSchema.TURNS)));
      }
      assertEquals("null", turns.get("T-1"), "one customer turn = the text: not stored twice");
      assertTrue(turns.get("T-2").contains("Refunded"), turns.toString());
    }
  }

  @Test
  void badQuerySaysWhatToFix() throws IOException {
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "r", 10)) {
      ix.apply(IndexRecord.of(record("T-1", "hello")));
    }
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> s.search("\"double charge", 10));
      assertTrue(e.getMessage().contains("quotes"), e.getMessage());
    }
  }

  @Test
  void secondWriterIsToldTheIndexIsLocked() throws IOException {
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "r", 10)) {
      IOException e = assertThrows(IOException.class, () -> FeedbackIndexer.open(dir, "r2", 10));
      assertTrue(e.getMessage().contains("locked"), e.getMessage());
    }
  }

  @Test
  void missingIndexSaysHowToMakeOne() {
    IOException e = assertThrows(IOException.class, () -> FeedbackSearch.open(dir.resolve("none")));
    assertTrue(e.getMessage().contains("verbatim run"), e.getMessage());
  }

  @Test
  void absurdlyLongAccountIdIsRejectedNotThrown() throws IOException {
    Redacted r = new Redacted(new FeedbackId("s", "1"), Channel.REVIEW, Instant.EPOCH,
        "a".repeat(5000), null, null, null, Map.of(), List.of(), "text", List.of(), "en", null);
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "r", 10)) {
      Outcome<Redacted> o = ix.forRedacted().apply(r);
      assertInstanceOf(Outcome.Rejected.class, o);
    }
  }
}
