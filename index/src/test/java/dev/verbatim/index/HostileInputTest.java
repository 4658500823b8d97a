package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer text and user queries are hostile: random Unicode (surrogates, controls, bidi marks),
 * huge records and garbage queries never throw anything but a clear IllegalArgumentException.
 */
class HostileInputTest {
  private static final long SEED = 42;
  private static final String SPECIAL = "\"()[]{}:*?~^+-!&|/\\ ";

  @TempDir Path dir;

  @Test
  void randomUnicodeIndexesAndRandomQueriesNeverThrowAnythingElse() throws IOException {
    Random r = new Random(SEED);
    List<IndexRecord> records = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String text = randomText(r, i == 0 ? 100_000 : 1 + r.nextInt(400));
      records.add(IndexRecord.of(Fixtures.redacted("s", "r" + i, Channel.CHAT,
              "2026-03-01T00:00:00Z", randomText(r, 20), null, randomText(r, 5), text))
          .withTopics(List.of(randomText(r, 8) + "x")));
    }
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run", 1000)) {
      for (IndexRecord rec : records) {
        assertTrue(ix.apply(rec) instanceof Outcome.Ok<?>, "seed " + SEED);
      }
    }
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      assertEquals(40, s.count());
      int rejected = 0;
      for (int i = 0; i < 200; i++) {
        String q = randomQuery(r);
        try {
          s.search(SearchRequest.builder(q).facets(true).histogram(SearchRequest.Interval.WEEK)
              .build());
        } catch (IllegalArgumentException expected) {
          rejected++;
          assertTrue(!expected.getMessage().isBlank());
        }
      }
      assertTrue(rejected < 200, "some random queries should run");
    }
  }

  /**
   * Lucene 10.6 corrupts a stored string over 1,024 chars in which a lone high surrogate precedes a
   * valid pair; the indexer makes every string well-formed first.
   */
  @Test
  void loneSurrogatesBeforePairsDoNotCorruptStoredFields() throws IOException {
    String text = "\ud83d\ude00\ud8d4".repeat(700) + " refund";
    Fixtures.index(dir, List.of(IndexRecord.of(Fixtures.redacted("s", "r1", Channel.TICKET,
        "2026-03-01T00:00:00Z", "a\ud800", null, "en", text))));
    try (FeedbackSearch s = FeedbackSearch.open(dir)) {
      Hit h = s.search("refund", 10).hits().get(0);
      assertEquals(text.length(), h.text().length());
      assertTrue(h.text().startsWith("\ud83d\ude00\ufffd"), "lone surrogate became U+FFFD");
      assertEquals("a\ufffd", h.accountId());
    }
  }

  @Test
  void wellFormedReplacesOnlyUnpairedSurrogates() {
    assertEquals("plain", IndexSchema.wellFormed("plain"));
    assertEquals("\ud83d\ude00", IndexSchema.wellFormed("\ud83d\ude00"));
    assertEquals("a\ufffdb\ufffd", IndexSchema.wellFormed("a\ud800b\udc00"));
    assertEquals("\ufffd\ud83d\ude00\ufffd", IndexSchema.wellFormed("\ud8d4\ud83d\ude00\ud83d"));
  }

  private static String randomQuery(Random r) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + r.nextInt(5);
    String[] words = {"refund", "charge*", "text:", "channel:", "event_time:", "rating:", "nosuch:",
        "AND", "OR", "NOT", "TO", "2026-03-01", "5", "/.{0,100}[a-z]+/", "~2", "^3", "\"a b\"", "*"};
    for (int i = 0; i < parts; i++) {
      sb.append(r.nextBoolean() ? words[r.nextInt(words.length)] : SPECIAL.charAt(r.nextInt(SPECIAL.length())));
      if (r.nextBoolean()) sb.append(' ');
    }
    return sb.toString();
  }

  static String randomText(Random r, int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      int kind = r.nextInt(10);
      if (kind < 5) sb.append((char) ('a' + r.nextInt(26)));
      else if (kind == 5) sb.append(' ');
      else if (kind == 6) sb.append((char) r.nextInt(0x20)); // controls
      else if (kind == 7) sb.append((char) (0xD800 + r.nextInt(0x800))); // lone surrogates
      else if (kind == 8) sb.append('\u202e'); // bidi override
      else sb.appendCodePoint(0x1F600 + r.nextInt(80)); // emoji
    }
    return sb.toString();
  }
}
