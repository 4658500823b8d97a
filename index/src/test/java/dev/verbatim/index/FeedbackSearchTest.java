package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.verbatim.index.SearchRequest.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackSearchTest {
  Path dir;
  FeedbackSearch search;

  @BeforeAll
  void buildIndex(@TempDir Path tmp) throws IOException {
    dir = tmp.resolve("index");
    Fixtures.index(dir, Fixtures.six());
    search = FeedbackSearch.open(dir);
  }

  @AfterAll
  void close() throws IOException {
    search.close();
  }

  private List<String> ids(SearchRequest.Builder b) throws IOException {
    return search.search(b.limit(100).build()).hits().stream().map(Hit::id).sorted().toList();
  }

  private List<String> idsInOrder(SearchRequest.Builder b) throws IOException {
    return search.search(b.build()).hits().stream().map(Hit::id).toList();
  }

  @Test
  void eachFilterNarrowsToItsValues() throws IOException {
    assertEquals(List.of("T-1", "T-2"), ids(SearchRequest.builder("").filter("channel", "ticket")));
    assertEquals(List.of("C-1", "T-1", "T-2"),
        ids(SearchRequest.builder("").filter("channel", "TICKET", "chat")), "OR within a facet");
    assertEquals(List.of("S-1", "T-2"),
        ids(SearchRequest.builder("").filter("sentiment", "negative").filter("segment", "smb")),
        "AND across facets");
    assertEquals(List.of("C-1", "T-1"), ids(SearchRequest.builder("").filter("account", "acme")));
    assertEquals(List.of("T-1", "T-2"), ids(SearchRequest.builder("").filter("topic", "billing")));
    assertEquals(List.of("R-1", "R-2", "S-1"),
        ids(SearchRequest.builder("").filter("topic", "app", "performance")));
    assertEquals(List.of("R-1"), ids(SearchRequest.builder("").filter("language", "de")));
    assertEquals(List.of("R-1", "R-2"), ids(SearchRequest.builder("").filter("source", "play")));
    assertEquals(List.of("C-1", "T-1"), ids(SearchRequest.builder("").filter("plan", "pro")));
    assertEquals(List.of("R-1", "R-2"), ids(SearchRequest.builder("").filter("rating_scale", "stars")));
    assertEquals(List.of(), ids(SearchRequest.builder("").filter("account", "nobody")));
    assertEquals(List.of("R-1", "T-1"), ids(SearchRequest.builder("").filter("id", "T-1", "R-1")),
        "fields without doc values filter too");
    assertEquals(6, ids(SearchRequest.builder("").filter("run_id", "run-test")).size());
    assertEquals(List.of("S-1", "T-2"),
        ids(SearchRequest.builder("").filter("sentiment", "Negative").filter("segment", "smb")));
  }

  @Test
  void aValueOutsideAClosedSetIsRefusedWithTheSetNotAnsweredWithNothing() {
    var channel = assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.builder("").filter("channel", "email").build());
    assertTrue(channel.getMessage().contains("ticket, chat, review, survey"), channel.getMessage());
    var sentiment = assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.builder("").filter("sentiment", "angry").build());
    assertTrue(sentiment.getMessage().contains("negative, neutral, positive"), sentiment.getMessage());
  }

  @Test
  void timeFiltersTakeDatesAsWholeUtcDays() throws IOException {
    assertEquals(List.of("R-1", "S-1", "T-1", "T-2"),
        ids(SearchRequest.builder("").since("2026-03-01").until("2026-03-31")));
    assertEquals(List.of("R-2"), ids(SearchRequest.builder("").since("2026-04-01T00:00:00Z")));
    assertEquals(List.of("T-1"),
        ids(SearchRequest.builder("").since("2026-03-01T23:00:00Z").until("2026-03-02T00:00:00Z")),
        "an instant until is exclusive");
    assertEquals(List.of("T-1"),
        ids(SearchRequest.builder("").since("2026-03-02T00:59:00+01:00").until("2026-03-01")
            .filter("channel", "ticket")),
        "offsets are honoured: 00:59+01:00 is 23:59 UTC the day before");
  }

  @Test
  void ratingRange() throws IOException {
    assertEquals(List.of("R-1", "R-2"), ids(SearchRequest.builder("").rating(3.0, null)));
    assertEquals(List.of("S-1", "T-1"), ids(SearchRequest.builder("").rating(null, 2.0)));
  }

  @Test
  void queriesKnowTheSchema() throws IOException {
    assertEquals(2, search.search("channel:Ticket", 10).total(), "channel ignores case");
    assertEquals(1, search.search("event_time:[2026-03-01 TO 2026-03-01]", 10).total());
    assertEquals(1, search.search("event_time:2026-03-02", 10).total());
    assertEquals(2, search.search("rating:[3 TO *]", 10).total());
    assertEquals(2, search.search("topic:billing", 10).total());
    assertEquals(2, search.search("dash*", 10).total());
    assertEquals(1, search.search("\"double charge\" AND account:acme", 10).total());
    assertEquals(2, search.search("charges", 10).total(), "English stemming");
    assertEquals(0, search.search("exact:charges", 10).total(), "the exact field does not stem");
    assertEquals(1, search.search("exact:Onboarding", 10).total());
    assertEquals(0, search.search("exact:onboarding", 10).total(), "and is case-sensitive");
    assertEquals(6, search.search("*:*", 10).total());
  }

  @Test
  void facetsCountEveryMatchingRecord() throws IOException {
    SearchResult r = search.search(SearchRequest.builder("").facets(true).limit(0).build());
    assertEquals(6, r.total());
    assertEquals(List.of(), r.hits());
    assertEquals(List.of("channel", "sentiment", "topic", "segment", "language", "source"),
        List.copyOf(r.facets().keySet()));
    assertEquals(Map.of("ticket", 2L, "review", 2L, "chat", 1L, "survey", 1L), r.facets().get("channel"));
    assertEquals(Map.of("negative", 3L, "positive", 2L, "neutral", 1L), r.facets().get("sentiment"));
    assertEquals(Map.of("billing", 2L, "app", 2L, "performance", 2L, "refunds", 1L, "onboarding", 1L),
        r.facets().get("topic"));
    assertEquals(Map.of("smb", 3L, "enterprise", 2L), r.facets().get("segment"));
    assertEquals(Map.of("en", 5L, "de", 1L), r.facets().get("language"));
    assertEquals("negative", r.facets().get("sentiment").keySet().iterator().next(), "most first");

    SearchResult billing = search.search(SearchRequest.builder("double charge").facets(true).build());
    assertEquals(Map.of("ticket", 2L), billing.facets().get("channel"));
    assertEquals(Map.of("enterprise", 1L, "smb", 1L), billing.facets().get("segment"));
  }

  @Test
  void countsAddUpAcrossSegments(@TempDir Path tmp) throws IOException {
    List<IndexRecord> six = Fixtures.six();
    for (int i = 0; i < six.size(); i++) {
      try (FeedbackIndexer ix = FeedbackIndexer.open(tmp, "run-" + i, 1000)) {
        ix.apply(six.get(i)); // one segment per record
      }
    }
    try (FeedbackSearch s = FeedbackSearch.open(tmp)) {
      SearchResult r = s.search(SearchRequest.builder("").facets(true).histogram(Interval.MONTH)
          .limit(0).build());
      SearchResult one = search.search(SearchRequest.builder("").facets(true)
          .histogram(Interval.MONTH).limit(0).build());
      assertEquals(one.facets(), r.facets());
      assertEquals(one.histogram(), r.histogram());
      assertEquals(List.of("R-2", "R-1", "S-1", "T-2", "T-1", "C-1"),
          s.search(SearchRequest.builder("").sort("time").build()).hits().stream().map(Hit::id).toList());
    }
  }

  @Test
  void sortsByTimeBothWaysAndPages() throws IOException {
    assertEquals(List.of("R-2", "R-1", "S-1", "T-2", "T-1", "C-1"),
        idsInOrder(SearchRequest.builder("").sort("time")));
    assertEquals(List.of("C-1", "T-1", "T-2", "S-1", "R-1", "R-2"),
        idsInOrder(SearchRequest.builder("").sort("time-asc")));
    SearchResult page = search.search(SearchRequest.builder("").sort("oldest").offset(2).limit(2).build());
    assertEquals(6, page.total());
    assertEquals(List.of("T-2", "S-1"), page.hits().stream().map(Hit::id).toList());
    assertNull(page.hits().get(0).score(), "no relevance score when sorted by time");
    assertEquals(List.of(), search.search(SearchRequest.builder("").offset(10).limit(5).build()).hits());
    assertEquals(6, search.search(SearchRequest.builder("").limit(Integer.MAX_VALUE).build()).hits().size());
    assertEquals(4, search.search(SearchRequest.builder("").offset(2).limit(Integer.MAX_VALUE).build())
        .hits().size(), "no overflow");
  }

  @Test
  void relevanceRanksBetterMatchesFirst() throws IOException {
    List<Hit> hits = search.search(SearchRequest.builder("refund OR charge").build()).hits();
    assertEquals("T-1", hits.get(0).id());
    assertNotNull(hits.get(0).score());
  }

  @Test
  void weeksStartOnMondayUtc() throws IOException {
    SearchResult r = search.search(SearchRequest.builder("").histogram(Interval.WEEK).limit(0).build());
    // Sat 02-28 and Sun 03-01 23:59 share the week of Mon 02-23; Mon 03-02 00:00 starts the next
    assertEquals(List.of(
            new HistogramBucket("2026-02-23", 2, 1, 0.5),
            new HistogramBucket("2026-03-02", 1, 1, 1.0),
            new HistogramBucket("2026-03-09", 1, 1, 1.0),
            new HistogramBucket("2026-03-16", 0, 0, 0.0),
            new HistogramBucket("2026-03-23", 0, 0, 0.0),
            new HistogramBucket("2026-03-30", 2, 0, 0.0)),
        r.histogram());
  }

  @Test
  void monthsEndAtMidnightUtc() throws IOException {
    SearchResult r = search.search(SearchRequest.builder("").histogram(Interval.MONTH).limit(0).build());
    // 03-31T23:59:59Z is March, 04-01T00:00Z is April
    assertEquals(List.of(
            new HistogramBucket("2026-02-01", 1, 0, 0.0),
            new HistogramBucket("2026-03-01", 4, 3, 0.75),
            new HistogramBucket("2026-04-01", 1, 0, 0.0)),
        r.histogram());
  }

  @Test
  void daysFillTheGaps() throws IOException {
    SearchResult r = search.search(SearchRequest.builder("").histogram(Interval.DAY).limit(0).build());
    assertEquals(33, r.histogram().size(), "02-28 to 04-01 inclusive");
    assertEquals(new HistogramBucket("2026-03-01", 1, 1, 1.0), r.histogram().get(1));
    assertEquals(new HistogramBucket("2026-03-02", 1, 1, 1.0), r.histogram().get(2));
    assertEquals(6, r.histogram().stream().mapToLong(HistogramBucket::count).sum());
  }

  @Test
  void weekStartIsMondayForAnyDay() {
    for (long day = -1000; day < 1000; day++) {
      var start = Aggregator.DayCounts.bucketStart(day, Interval.WEEK);
      assertEquals(java.time.DayOfWeek.MONDAY, start.getDayOfWeek());
      long back = day - start.toEpochDay();
      assertTrue(back >= 0 && back < 7, "day " + day);
    }
  }

  @Test
  void highlightsMarkMatchesAndEscapeTheRest() throws IOException {
    Hit t1 = search.search(SearchRequest.builder("\"double charge\"").filter("account", "acme").build())
        .hits().get(0);
    assertNotNull(t1.highlight());
    assertTrue(t1.highlight().contains("refund the <mark>double charge</mark>."), t1.highlight());

    Hit s1 = search.search(SearchRequest.builder("buggy").build()).hits().get(0);
    assertEquals("S-1", s1.id());
    assertFalse(s1.highlight().contains("<script>"), s1.highlight());
    assertTrue(s1.highlight().contains("&lt;script&gt;"), s1.highlight());
    assertTrue(s1.highlight().contains("<mark>buggy</mark>"), s1.highlight());

    assertNull(search.search(SearchRequest.builder("").build()).hits().get(0).highlight(),
        "nothing to highlight without words");
    assertNull(search.search(SearchRequest.builder("buggy").highlight(false).build()).hits().get(0)
        .highlight());
  }

  @Test
  void highlightOfAHugeRecordStaysShort() throws IOException {
    Path big = dir.resolveSibling(dir.getFileName() + "-big");
    String text = "word ".repeat(200_000) + "refund " + "word ".repeat(1000);
    Fixtures.index(big, List.of(IndexRecord.of(Fixtures.redacted("s", "big",
        dev.verbatim.pipeline.Channel.TICKET, "2026-03-01T00:00:00Z", null, null, "en", text))));
    try (FeedbackSearch s = FeedbackSearch.open(big)) {
      Hit h = s.search(SearchRequest.builder("word").build()).hits().get(0);
      assertTrue(h.highlight().length() < 2_000, "length " + h.highlight().length());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abcdef                     | 3 | abc …",
      "ab<mark>cdef</mark>        | 3 | ab<mark>c</mark> …",
      "a&amp;&lt;def              | 3 | a&amp;&lt; …",
      "<mark>ab</mark>c           | 3 | <mark>ab</mark>c",
  })
  void clipNeverCutsATagOrAnEntity(String html, int max, String expected) {
    assertEquals(expected, FeedbackSearch.clip(html, max));
  }

  @Test
  void moreLikeThisFindsSimilarRecordsButNotItself() throws IOException {
    List<String> like = ids(SearchRequest.builder("").moreLikeThis("zendesk/T-1"));
    assertEquals(List.of("T-2"), like);
    assertEquals(List.of("T-2"), ids(SearchRequest.builder("").moreLikeThis("T-1")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> search.search(SearchRequest.builder("").moreLikeThis("zendesk/T-404").build()));
    assertTrue(e.getMessage().contains("no record 'zendesk/T-404'"), e.getMessage());
  }

  @Test
  void hitsCarryWhatTheResultListShows() throws IOException {
    Hit h = search.search(SearchRequest.builder("refund").build()).hits().get(0);
    assertEquals("T-1", h.id());
    assertEquals("zendesk", h.source());
    assertEquals("ticket", h.channel());
    assertEquals("acme", h.accountId());
    assertEquals("negative", h.sentiment());
    assertEquals(-0.8, h.sentimentScore());
    assertEquals(List.of("billing", "refunds"), h.topics());
    assertTrue(h.text().startsWith("I was charged twice"));
  }

  @Test
  void jsonHasTheIssueShape() throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    SearchResult r = search.search(SearchRequest.builder("double charge").facets(true)
        .histogram(Interval.WEEK).build());
    JsonNode json = mapper.readTree(mapper.writeValueAsString(r));
    assertEquals(2, json.get("total").asInt());
    JsonNode hit = json.get("hits").get(0);
    for (String f : List.of("id", "source", "channel", "event_time", "sentiment", "topics", "highlight",
        "text", "account_id", "sentiment_score")) {
      assertTrue(hit.has(f), f + " in " + hit);
    }
    assertTrue(hit.get("event_time").asText().startsWith("2026-03-0"), hit.toString());
    assertEquals(2, json.get("facets").get("channel").get("ticket").asInt());
    assertEquals("2026-02-23", json.get("histogram").get(0).get("start").asText());
    assertEquals(1.0, json.get("histogram").get(0).get("negative_share").asDouble());
    JsonNode plain = mapper.readTree(mapper.writeValueAsString(search.search("", 10)));
    assertFalse(plain.has("facets"), "no facets unless asked");
    assertFalse(plain.has("histogram"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'\"double charge'                  | quotes",
      "'(refund OR charge'                | parentheses",
      "'chanel:ticket'                    | unknown field 'chanel'",
      "'event_time:[yesterday TO *]'      | 'yesterday' is not a date",
      "'event_time:2026-13-45'            | is not a date",
      "'rating:[low TO 5]'                | rating takes a number",
      "'rating:5*'                        | rating takes a value or a range",
      "'/(a|aa)*b{1000}(c|cc){1000}/'     | too complex",
  })
  void badQueriesSayWhatToFix(String query, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> search.search(query, 10));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void badRequestPartsSayWhatToFix() {
    assertMessage("unknown sort 'size'", () -> SearchRequest.Sort.parse("size"));
    assertMessage("use day, week or month", () -> Interval.parse("year"));
    assertMessage("since '03/01/2026' is not a date", () -> SearchRequest.builder("").since("03/01/2026"));
    assertMessage("must be before until",
        () -> SearchRequest.builder("").since("2026-04-01").until("2026-03-01").build());
    assertMessage("cannot filter on 'colour'", () -> SearchRequest.builder("").filter("colour", "red").build());
    assertMessage("limit must be 0 or more", () -> SearchRequest.builder("").limit(-1).build());
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(expected), x.getMessage());
  }
}
