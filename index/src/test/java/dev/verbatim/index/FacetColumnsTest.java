package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.pipeline.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Facet counts and histogram buckets equal a brute-force count over the records, both on the
 * packed fast path (few values: one combination per doc, topic bit masks, day slots) and on the
 * fallbacks (70 sources, 80 topics, event times centuries apart).
 */
class FacetColumnsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void countsMatchABruteForceCount(boolean wide) throws IOException {
    Random r = new Random(7);
    String[] channels = {"ticket", "chat", "review", "survey"};
    String[] sentiments = {"negative", "neutral", "positive"};
    String[] segments = {"smb", "enterprise"};
    List<IndexRecord> records = new ArrayList<>();
    Map<String, Map<String, Long>> expected = new TreeMap<>();
    Map<String, long[]> months = new TreeMap<>();
    for (int i = 0; i < 400; i++) {
      String source = "s" + r.nextInt(wide ? 70 : 3);
      String channel = channels[r.nextInt(channels.length)];
      String sentiment = sentiments[r.nextInt(sentiments.length)];
      String segment = r.nextInt(5) == 0 ? null : segments[r.nextInt(segments.length)];
      List<String> topics = new ArrayList<>();
      for (int t = r.nextInt(4); t > 0; t--) {
        String id = "t" + r.nextInt(wide ? 80 : 10);
        if (!topics.contains(id)) topics.add(id);
      }
      Instant time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextInt(200) * 86_400L);
      if (wide && i % 50 == 0) time = Instant.parse(i % 100 == 0 ? "1905-06-01T00:00:00Z" : "2203-02-01T00:00:00Z");
      IndexRecord rec =
          IndexRecord.of(Fixtures.redacted(source, "R-" + i, Channel.parse(channel).orElseThrow(),
                  time.toString(), "a" + i, null, "en", "text " + i))
              .withSentiment(sentiment, 0).withTopics(topics).withAccount(segment, null);
      records.add(rec);
      count(expected, "channel", channel);
      count(expected, "sentiment", sentiment);
      count(expected, "source", source);
      count(expected, "language", "en");
      if (segment != null) count(expected, "segment", segment);
      for (String t : topics) count(expected, "topic", t);
      long[] m = months.computeIfAbsent(
          LocalDate.ofInstant(time, ZoneOffset.UTC).withDayOfMonth(1).toString(), k -> new long[2]);
      m[0]++;
      if (sentiment.equals("negative")) m[1]++;
    }
    Fixtures.index(dir, records);
    try (FeedbackSearch search = FeedbackSearch.open(dir)) {
      SearchResult result =
          search.search(SearchRequest.builder("").facets(true).histogram(SearchRequest.Interval.MONTH)
              .limit(0).build());
      assertEquals(400, result.total());
      for (String facet : expected.keySet()) {
        assertEquals(expected.get(facet), new TreeMap<>(result.facets().get(facet)), facet);
      }
      Map<String, long[]> got = new TreeMap<>();
      for (HistogramBucket b : result.histogram()) {
        if (b.count() > 0) got.put(b.start(), new long[] {b.count(), b.negative()});
      }
      assertEquals(months.keySet(), got.keySet());
      months.forEach((k, v) -> {
        assertEquals(v[0], got.get(k)[0], k);
        assertEquals(v[1], got.get(k)[1], k);
      });
    }
  }

  private static void count(Map<String, Map<String, Long>> m, String facet, String value) {
    m.computeIfAbsent(facet, k -> new TreeMap<>()).merge(value, 1L, Long::sum);
  }
}
