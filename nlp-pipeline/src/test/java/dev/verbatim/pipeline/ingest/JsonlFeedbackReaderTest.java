package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFeedbackReaderTest {
  private final JsonlFeedbackReader reader = new JsonlFeedbackReader();

  @TempDir Path tmp;

  @Test
  void readsCanonicalRecordsWithEveryField() {
    Collected<Feedback> c = Collected.read(reader, "feedback-good.jsonl");
    c.assertCounts(4, 0);
    assertEquals(1, c.raws.get(0).line());
    assertEquals(3, c.raws.get(1).line(), "blank line 2 is skipped, numbering is 1-based");
    assertEquals(6, c.raws.get(3).line());

    Feedback t = byId(c.ok(), "T-1042");
    assertEquals("zendesk", t.id().source());
    assertEquals(Channel.TICKET, t.channel());
    assertEquals(Instant.parse("2026-03-02T10:15:00Z"), t.eventTime());
    assertEquals("acme", t.accountId());
    assertEquals("Charged twice", t.subject());
    assertEquals(Speaker.CUSTOMER, t.turns().get(0).speaker());
    assertEquals(Speaker.AGENT, t.turns().get(1).speaker());
    assertEquals(Instant.parse("2026-03-02T11:00:00Z"), t.turns().get(1).time());
    assertEquals("I was billed twice this month and nobody answers.", t.customerText());

    Feedback r = byId(c.ok(), "R-77");
    assertEquals(2.0, r.rating().value());
    assertEquals(RatingScale.STARS, r.rating().scale());
    assertEquals("en", r.language());
    assertEquals(1, r.turns().size());

    Feedback s = byId(c.ok(), "S-9");
    assertEquals(Instant.parse("2026-03-04T11:00:00Z"), s.eventTime(), "offset times are instants");
    assertEquals("li@globex.example", s.customerId());
    assertEquals("q1", s.meta().get("campaign"));
    assertEquals("2", s.meta().get("wave"), "non-string meta values keep their JSON text");
    assertEquals("[\"a\",\"b\"]", s.meta().get("flags"));
    assertEquals("pro", s.meta().get("plan"), "unknown fields are kept in meta");

    Feedback scoreOnly = byId(c.ok(), "17");
    assertTrue(scoreOnly.turns().isEmpty(), "a survey score with empty text is score-only");
    assertEquals(7.0, scoreOnly.rating().value());
  }

  @Test
  void rejectsEachBrokenLineWithAReasonThatSaysWhatToFix() {
    Collected<Feedback> c = Collected.read(reader, "feedback-bad-lines.jsonl");
    c.assertCounts(0, 14);
    var missing = c.rejectedAt(1);
    assertEquals(Reason.MISSING_FIELD, missing.reason());
    assertTrue(missing.detail().contains("id, event_time"), missing.detail());
    var badTime = c.rejectedAt(2);
    assertEquals(Reason.BAD_TIME, badTime.reason());
    assertTrue(badTime.detail().contains("2026-13-02") && badTime.detail().contains("2026-03-02T10:15:00Z"));
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(3).reason());
    assertTrue(c.rejectedAt(3).detail().contains("rating_scale"));
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(4).reason());
    assertTrue(c.rejectedAt(4).detail().contains("likert"));
    assertEquals(Reason.RATING_OUT_OF_SCALE, c.rejectedAt(5).reason());
    assertTrue(c.rejectedAt(5).detail().contains("11") && c.rejectedAt(5).detail().contains("0-10"));
    assertEquals(Reason.EMPTY_TEXT, c.rejectedAt(6).reason());
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(7).reason());
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(8).reason());
    assertTrue(c.rejectedAt(8).detail().contains("email"));
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(9).reason());
    assertTrue(c.rejectedAt(9).detail().contains("robot"));
    assertEquals(Reason.MALFORMED_JSON, c.rejectedAt(10).reason());
    assertEquals(Reason.MALFORMED_JSON, c.rejectedAt(11).reason());
    assertEquals(Reason.EMPTY_TEXT, c.rejectedAt(12).reason());
    assertEquals(Reason.MALFORMED_JSON, c.rejectedAt(13).reason(), "two objects on one line");
    assertEquals(Reason.BAD_TIME, c.rejectedAt(14).reason(), "an instant needs a zone");
    assertEquals("this is not json", c.raws.get(9).content(), "the original line is kept");
  }

  /**
   * Placeholder and mis-scaled times (9999-12-31, year 1, Unix 0, milliseconds read as seconds) used
   * to be indexed: two such records made the default friction report span 0001-9999 (a 2.8 GB JSON
   * file) and `trends` print 521,725 weeks.
   */
  @Test
  void implausibleTimesAreRejectedAsBadTime() throws IOException {
    Path f = tmp.resolve("times.jsonl");
    String rec = "{\"id\":\"%s\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":%s,\"text\":\"ok\"}\n";
    Files.writeString(f, String.format(rec, "future", "\"9999-12-31T23:59:59Z\"")
        + String.format(rec, "past", "\"0001-01-01T00:00:00Z\"")
        + String.format(rec, "zero", "0")
        + String.format(rec, "ms-as-s", "99999999999")
        + String.format(rec, "edge-low", "\"1990-01-01T00:00:00Z\"")
        + String.format(rec, "edge-high", "\"2099-12-31T23:59:59Z\"")
        + String.format(rec, "seconds", "1772446500"));
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(3, 4);
    for (long line = 1; line <= 4; line++) {
      assertEquals(Reason.BAD_TIME, c.rejectedAt(line).reason());
      assertTrue(c.rejectedAt(line).detail().contains("outside 1990-2099"), c.rejectedAt(line).detail());
    }
  }

  @Test
  void emptyFileGivesNoRecordsAndNoError() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty.jsonl"));
    Collected.read(reader, empty).assertCounts(0, 0);
  }

  @Test
  void latin1BytesAreRejectedAsNotUtf8WithTheirOriginalBytes() throws IOException {
    Path f = tmp.resolve("latin1.jsonl");
    byte[] line =
        "{\"id\":\"L-1\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"caf\u00e9\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] good =
        "{\"id\":\"L-2\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"caf\u00e9\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(line);
      out.write('\n');
      out.write(good);
      out.write('\n');
    }
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(1, 1);
    assertEquals(Reason.NOT_UTF8, c.rejectedAt(1).reason());
    assertTrue(c.rejectedAt(1).detail().contains("0xE9"), c.rejectedAt(1).detail());
    assertTrue(c.raws.get(0).base64(), "invalid UTF-8 is quarantined as Base64");
    assertEquals("café", byId(c.ok(), "L-2").customerText());
  }

  @Test
  void fiveMegabyteLineIsRejectedAsTooLongAndTheNextLineStillReads() throws IOException {
    Path f = tmp.resolve("big.jsonl");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("{\"id\":\"big\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 5; i++) out.write(chunk);
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"small\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"ok\"}\r\n".getBytes(StandardCharsets.UTF_8));
    }
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(1, 1);
    var tooLong = c.rejectedAt(1);
    assertEquals(Reason.TOO_LONG, tooLong.reason());
    assertTrue(tooLong.detail().contains("1048576"), tooLong.detail());
    assertEquals("ok", byId(c.ok(), "small").customerText());
    assertEquals(2, c.raws.get(1).line());

    Collected<Feedback> small = Collected.read(new JsonlFeedbackReader(50), f);
    small.assertCounts(0, 2);
    assertEquals(Reason.TOO_LONG, small.rejectedAt(2).reason(), "the limit is a constructor parameter");
  }

  @Test
  void longLineKeepsAtMostSixteenMebibytesForQuarantine() throws IOException {
    Path f = tmp.resolve("huge.jsonl");
    try (OutputStream out = Files.newOutputStream(f)) {
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 17; i++) out.write(chunk);
    }
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(0, 1);
    assertEquals(16 << 20, c.raws.get(0).content().length());
    assertTrue(c.rejectedAt(1).detail().contains(Long.toString(17L << 20)));
  }

  /** Law: random bytes never make the reader throw, and every record is ok or rejected. */
  @Test
  void randomBytesNeverThrowAndEveryRecordIsCounted() throws IOException {
    long seed = Long.getLong("verbatim.seed", 20260302L);
    Random random = new Random(seed);
    String[] pieces = {
      "{", "}", "[", "]", "\"id\":", "\"source\":\"s\"", "\"channel\":\"chat\"", "\"event_time\":",
      "\"2026-03-02T10:15:00Z\"", "\"text\":", "\"turns\":", "\"speaker\":\"bot\"", ",", ":", "\n", "\r\n",
      "\"", "\\", "null", "12", "-1e999", "\"rating\":", "\"rating_scale\":\"nps\"", "\u00e9", "😤"
    };
    for (int round = 0; round < 200; round++) {
      Path f = tmp.resolve("random-" + round + ".jsonl");
      byte[] bytes;
      if (random.nextBoolean()) {
        bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
      } else {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) b.append(pieces[random.nextInt(pieces.length)]);
        bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
      }
      Files.write(f, bytes);
      long nonBlankLines = nonBlankLines(bytes);
      Collected<Feedback> c;
      try {
        c = Collected.read(new JsonlFeedbackReader(500), f);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " round " + round + " threw", e);
      }
      assertEquals(nonBlankLines, c.outcomes.size(), "seed " + seed + " round " + round + ": records in");
      assertEquals(c.outcomes.size(), c.ok().size() + c.rejected().size(), "seed " + seed);
      for (Outcome.Rejected<Feedback> r : c.rejected()) {
        assertFalse(r.reason() == Reason.INTERNAL, "seed " + seed + " round " + round + ": " + r);
      }
    }
  }

  private static long nonBlankLines(byte[] bytes) {
    long count = 0;
    boolean blank = true;
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    for (int i = start; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (!blank) count++;
        blank = true;
      } else if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        blank = false;
      }
    }
    return count;
  }

  @Test
  void textAndTurnsTogetherKeepTurnsAndTextInMeta() throws IOException {
    Path f = tmp.resolve("both.jsonl");
    Files.writeString(
        f,
        "{\"id\":\"x\",\"source\":\"s\",\"channel\":\"chat\",\"event_time\":\"2026-03-02T10:15:00Z\","
            + "\"text\":\"summary\",\"turns\":[{\"speaker\":\"customer\",\"text\":\"hello\"}]}\n");
    Feedback f1 = Collected.read(reader, f).ok().get(0);
    assertEquals("hello", f1.customerText());
    assertEquals("summary", f1.meta().get("text"));
    assertNull(f1.rating());
  }
}
