package dev.verbatim.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader survives hostile input: huge rows, random bytes; nothing throws, nothing is INTERNAL. */
class HostileInputTest {
  @TempDir Path tmp;

  @Test
  void fiveMegabyteCsvFieldIsRejectedAsTooLong() throws IOException {
    Path f = tmp.resolve("big.csv");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("id,text,date\n1,\"");
      for (int i = 0; i < 5 * 1024; i++) w.write("x".repeat(1024));
      w.write("\",2026-03-01\n2,fine,2026-03-02\n");
    }
    Collected<Feedback> c = Collected.read(new ReviewCsvReader(), f);
    c.assertCounts(1, 1);
    assertEquals(Reason.TOO_LONG, c.rejectedAt(2).reason());
    assertEquals(3, c.raws.get(1).line());
  }

  @Test
  void fiveMegabyteChatLineIsRejectedAsTooLong() throws IOException {
    Path f = tmp.resolve("big-chat.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("{\"conversation_id\":\"a\",\"speaker\":\"customer\",\"time\":\"2026-03-01T00:00:00Z\",\"text\":\"");
      for (int i = 0; i < 5 * 1024; i++) w.write("y".repeat(1024));
      w.write("\"}\n{\"conversation_id\":\"a\",\"speaker\":\"customer\",\"time\":\"2026-03-01T00:00:00Z\",\"text\":\"hi\"}\n");
    }
    Collected<Feedback> c = Collected.read(new ChatTurnsJsonlReader(), f);
    c.assertCounts(1, 1);
    assertEquals(Reason.TOO_LONG, c.rejectedAt(1).reason());
    assertEquals("hi", c.ok().get(0).customerText());
  }

  /** Law: random bytes never make any reader throw or report an internal error. */
  @Test
  void randomBytesNeverBreakAnyReader() throws IOException {
    long seed = Long.getLong("verbatim.seed", 77L);
    Random random = new Random(seed);
    List<FeedbackReader> readers =
        FeedbackFormats.names().stream().map(FeedbackFormats.defaults()::reader).toList();
    String[] seeds = {
      "{\"tickets\":[{\"id\":1,\"created_at\":\"2026-03-01T00:00:00Z\",\"comments\":[{\"body\":\"a\"}]}]}",
      "{\"conversations\":[{\"id\":\"1\",\"created_at\":1,\"source\":{\"body\":\"x\"}}]}",
      "id,text,date,score\n1,\"a\nb\",2026-03-01,3\n",
      "{\"conversation_id\":\"1\",\"speaker\":\"user\",\"text\":\"x\",\"time\":1}\n",
    };
    for (int round = 0; round < 120; round++) {
      byte[] bytes = seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.UTF_8);
      int mutations = 1 + random.nextInt(6);
      for (int m = 0; m < mutations && bytes.length > 0; m++) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(3)) {
          case 0 -> bytes[at] = (byte) random.nextInt(256);
          case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
          default -> bytes[at] = (byte) "{}[]\",:\n\\".charAt(random.nextInt(9));
        }
      }
      Path f = tmp.resolve("r" + round);
      Files.write(f, bytes);
      for (FeedbackReader reader : readers) {
        Collected<Feedback> c;
        try {
          c = Collected.read(reader, f);
        } catch (RuntimeException e) {
          throw new AssertionError("seed " + seed + " round " + round + " " + reader.format() + " threw", e);
        }
        for (Outcome.Rejected<Feedback> r : c.rejected()) {
          assertNotEquals(Reason.INTERNAL, r.reason(), "seed " + seed + " round " + round + " " + reader.format());
        }
      }
    }
  }
}
