package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic search over a small index embedded with the real MiniLM encoder (loads in about a
 * second from its Maven artifact; the fixture is eight short records).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticSearchTest {
  OnnxSentenceEncoder encoder;
  Path dir;
  Path plainDir;
  FeedbackSearch search;

  static final List<String[]> RECORDS =
      List.of(
          // source, id, channel, time, sentiment, text
          new String[] {"zendesk", "T-1", "ticket", "2026-03-01T10:00:00Z", "negative",
              "I was charged twice for my subscription. Please refund the double charge."},
          new String[] {"zendesk", "B-1", "ticket", "2026-03-03T10:00:00Z", "negative",
              "I cannot connect my bank account, the connection keeps failing."},
          new String[] {"intercom", "B-2", "chat", "2026-03-04T10:00:00Z", "negative",
              "Linking my bank to the app does not work at all."},
          new String[] {"intercom", "C-1", "chat", "2026-03-05T10:00:00Z", "positive",
              "Onboarding was smooth and the team was helpful."},
          new String[] {"play", "R-2", "review", "2026-03-06T10:00:00Z", "positive",
              "Fast app, love the new dashboard."},
          new String[] {"play", "R-3", "review", "2026-03-10T10:00:00Z", "negative",
              "The export to PDF crashes every time."},
          new String[] {"survey", "S-1", "survey", "2026-03-11T10:00:00Z", "neutral",
              "Support answered within a day."});

  static IndexRecord record(String[] r) {
    return IndexRecord.of(
            Fixtures.redacted(r[0], r[1], Channel.parse(r[2]).orElseThrow(), r[3], "acme", null, "en", r[5]))
        .withSentiment(r[4], r[4].equals("negative") ? -0.5 : 0.5);
  }

  @BeforeAll
  void build(@TempDir Path tmp) throws IOException {
    encoder = new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.MINILM, 1);
    dir = tmp.resolve("index");
    List<String> texts = RECORDS.stream().map(r -> r[5]).toList();
    List<float[]> vectors = encoder.encode(texts);
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-test", 1000)) {
      ix.vectorModel(encoder.id());
      for (int i = 0; i < RECORDS.size(); i++) {
        ix.apply(record(RECORDS.get(i)).withVector(vectors.get(i)));
      }
      // one record indexed without an embedding (e.g. by a run without --embed)
      ix.apply(IndexRecord.of(Fixtures.redacted("zendesk", "N-1", Channel.TICKET,
          "2026-03-12T10:00:00Z", "acme", null, "en", "My bank feed is broken.")));
    }
    search = FeedbackSearch.open(dir, encoder);
    plainDir = tmp.resolve("plain");
    Fixtures.index(plainDir, Fixtures.six());
  }

  @AfterAll
  void close() throws IOException {
    search.close();
    encoder.close();
  }

  private List<String> ids(SearchRequest request) throws IOException {
    List<String> out = new ArrayList<>();
    for (Hit h : search.search(request).hits()) out.add(h.id());
    return out;
  }

  @Test
  void aParaphraseWithNoSharedWordRanksAboveUnrelatedRecords() throws IOException {
    // not one content word in common with T-1: keyword search finds nothing
    assertEquals(0, search.search(SearchRequest.of("billed two times card", 10)).total());
    SearchResult r = search.search(SearchRequest.builder("").semantic("my card was billed two times").build());
    assertEquals("T-1", r.hits().get(0).id(), "nearest: " + ids(SearchRequest.builder("").semantic("my card was billed two times").build()));
    assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
    assertTrue(r.hits().get(0).score() <= 1.0f && r.hits().get(0).score() > 0.3f,
        "score is the cosine: " + r.hits().get(0).score());
    assertNull(r.hits().get(0).highlight(), "nothing to highlight in pure semantic search");

    List<String> bank = ids(SearchRequest.builder("").semantic("can't link my bank").limit(3).build());
    assertEquals(List.of("B-1", "B-2"), bank.subList(0, 2).stream().sorted().toList(), bank.toString());
  }

  @Test
  void filtersApplyToTheNearestNeighbours() throws IOException {
    List<String> chat =
        ids(SearchRequest.builder("").semantic("can't link my bank").filter("channel", "chat").build());
    assertEquals(List.of("B-2", "C-1"), chat, "only chats, nearest first");
    List<String> march =
        ids(SearchRequest.builder("").semantic("can't link my bank").since("2026-03-05").until("2026-03-10").build());
    assertEquals(List.of("C-1", "R-2", "R-3").stream().sorted().toList(), march.stream().sorted().toList());
  }

  @Test
  void likeFindsTheNearestOthersAndNeverTheRecordItself() throws IOException {
    List<String> like = ids(SearchRequest.builder("").similarTo("zendesk/B-1").limit(20).build());
    assertEquals("B-2", like.get(0));
    assertFalse(like.contains("B-1"), like.toString());
    assertEquals(RECORDS.size() - 1, like.size(), "every other embedded record, N-1 has no vector");
    assertEquals("B-2", ids(SearchRequest.builder("").similarTo("B-1").limit(1).build()).get(0), "bare id");
    // with a filter that leaves only the record itself: nothing
    assertEquals(List.of(), ids(SearchRequest.builder("").similarTo("B-1").filter("id", "B-1").build()));
  }

  @Test
  void countsFacetsAndHistogramCoverRecordsAboveTheSimilarityThreshold() throws IOException {
    SearchRequest all =
        SearchRequest.builder("").semantic("can't link my bank").minSimilarity(-1.0).facets(true)
            .histogram(SearchRequest.Interval.WEEK).limit(2).build();
    SearchResult r = search.search(all);
    assertEquals(RECORDS.size(), r.total(), "cosine >= -1: every embedded record");
    assertEquals(2, r.hits().size());
    assertEquals(2L, r.facets().get("channel").get("ticket"));
    assertEquals(RECORDS.size(), r.histogram().stream().mapToLong(HistogramBucket::count).sum());

    SearchResult near =
        search.search(SearchRequest.builder("").semantic("can't link my bank").minSimilarity(0.45)
            .facets(true).build());
    assertTrue(near.total() >= 2 && near.total() < RECORDS.size(), "total " + near.total());
    assertEquals(near.total(), near.facets().get("sentiment").get("negative").longValue(),
        "the bank records are negative");
    assertEquals(0, search.search(SearchRequest.builder("").semantic("can't link my bank")
        .minSimilarity(0.999).build()).total());
  }

  @Test
  void hybridFusesKeywordAndMeaningRankings() throws IOException {
    SearchResult r =
        search.search(SearchRequest.builder("refund").semantic("money back for a double payment").build());
    assertEquals("T-1", r.hits().get(0).id());
    assertTrue(r.hits().get(0).highlight().contains("<mark>refund</mark>"), r.hits().get(0).highlight());
    // keyword-only matches count too: N-1 (no vector) is found by its words
    SearchResult words = search.search(SearchRequest.builder("feed").semantic("bank").build());
    assertTrue(words.hits().stream().anyMatch(h -> h.id().equals("N-1")));
  }

  @Test
  void anIndexWithoutVectorsSaysToEmbedFirst() throws IOException {
    try (FeedbackSearch plain = FeedbackSearch.open(plainDir, encoder)) {
      assertNull(plain.vectorModel());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class,
              () -> plain.search(SearchRequest.builder("").semantic("refund").build()));
      assertTrue(e.getMessage().contains("./verbatim embed"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> plain.search(SearchRequest.builder("").similarTo("zendesk/T-1").build()));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> search.search(SearchRequest.builder("").similarTo("zendesk/N-1").build()));
    assertTrue(e.getMessage().contains("no embedding"), e.getMessage());
  }

  @Test
  void embedMissingGivesVectorsOnlyToRecordsWithoutAndKeepsTheirRun(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("backfill");
    Fixtures.index(copy, Fixtures.six()); // written by the fixture's run, without embeddings
    List<String> seen = new ArrayList<>();
    try (FeedbackIndexer ix = FeedbackIndexer.open(copy, "embed-run", 1000)) {
      assertThrows(IllegalStateException.class, () -> ix.embedMissing(b -> List.of(), 2, n -> {}));
      ix.vectorModel("fake-3d");
      long n = ix.embedMissing(batch -> {
        assertTrue(batch.size() <= 4, "batches of at most 4");
        List<float[]> out = new ArrayList<>();
        for (IndexRecord r : batch) {
          seen.add(r.redacted().id().key());
          out.add(new float[] {1, r.redacted().text().length(), 0});
        }
        return out;
      }, 4, done -> {});
      assertEquals(6, n);
      assertEquals(0, ix.embedMissing(batch -> { throw new AssertionError("nothing to embed"); }, 4, done -> {}));
    }
    assertEquals(6, new java.util.HashSet<>(seen).size());
    try (FeedbackSearch s = FeedbackSearch.open(copy)) {
      assertEquals(6, s.vectorCount());
      assertEquals("fake-3d", s.vectorModel());
      assertEquals(6, s.count(), "updated in place");
      assertEquals(0, s.search(SearchRequest.of("run_id:\"embed-run\"", 10)).total(),
          "embedding changes no content: the records keep the run that wrote them");
    }
  }

  @Test
  void aRecordReindexedWithoutItsVectorNoLongerCounts(@TempDir Path tmp) throws IOException {
    Path d = tmp.resolve("reindexed");
    List<IndexRecord> six = Fixtures.six();
    try (FeedbackIndexer ix = FeedbackIndexer.open(d, "run-1", 1000)) {
      ix.vectorModel("fake-3d");
      for (IndexRecord r : six) ix.apply(r.withVector(new float[] {1, 2, 3}));
    }
    try (FeedbackIndexer ix = FeedbackIndexer.open(d, "run-2", 1000)) {
      ix.apply(six.get(0)); // a later run without --embed: the old version (with its vector) is deleted
      ix.apply(six.get(1));
    }
    try (FeedbackSearch s = FeedbackSearch.open(d)) {
      assertEquals(6, s.count());
      assertEquals(4, s.vectorCount(), "deleted versions do not count");
      assertEquals("fake-3d", s.declaredVectorModel());
    }
  }

  @Test
  void badCombinationsAreRefusedWithAReason() {
    assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.builder("").semantic("x").sort("time").build());
    assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.builder("").semantic("x").moreLikeThis("a/b").build());
    assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.builder("").semantic("x").minSimilarity(2.0).build());
  }

  @Test
  void theStoredVectorReadsBackAndTheModelIsKept() throws IOException {
    float[] original = encoder.encode(List.of(RECORDS.get(1)[5])).get(0);
    float[] stored = search.vector("zendesk/B-1");
    assertArrayEquals(VectorField.checked(original), stored, 1e-6f);
    assertNull(search.vector("zendesk/N-1"));
    assertEquals("all-minilm-l6-v2-q", search.vectorModel());
    assertEquals(RECORDS.size(), search.vectorCount());
  }

  @Test
  void theIndexerRefusesAnotherModelAndUndeclaredVectors(@TempDir Path tmp) throws IOException {
    try (FeedbackIndexer ix = FeedbackIndexer.open(tmp, "r", 10)) {
      IndexRecord r = record(RECORDS.get(0)).withVector(new float[] {1, 0, 0});
      assertThrows(IllegalStateException.class, () -> ix.apply(r));
      ix.vectorModel("model-a");
      ix.apply(r);
    }
    try (FeedbackIndexer ix = FeedbackIndexer.open(tmp, "r", 10)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ix.vectorModel("model-b"));
      assertTrue(e.getMessage().contains("model-a"), e.getMessage());
      ix.vectorModel("model-a");
    }
    assertThrows(IllegalArgumentException.class,
        () -> record(RECORDS.get(0)).withVector(new float[] {0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> record(RECORDS.get(0)).withVector(new float[] {Float.NaN, 1}));
  }
}
