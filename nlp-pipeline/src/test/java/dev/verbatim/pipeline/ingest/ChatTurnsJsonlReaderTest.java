package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTurnsJsonlReaderTest {
  @TempDir Path tmp;

  @Test
  void groupsConsecutiveTurnsIntoOneChatRecord() {
    Collected<Feedback> c = Collected.read(new ChatTurnsJsonlReader(), "chat-turns.jsonl");
    c.assertCounts(2, 4);

    Feedback c1 = byId(c.ok(), "c-1");
    assertEquals(Channel.CHAT, c1.channel());
    assertEquals("chat", c1.id().source());
    assertEquals(
        java.util.List.of(Speaker.BOT, Speaker.CUSTOMER, Speaker.AGENT),
        c1.turns().stream().map(Turn::speaker).toList());
    assertEquals(Instant.parse("2026-03-04T10:00:30Z"), c1.eventTime(), "the first customer turn's time");
    assertEquals("globex", c1.accountId());
    assertEquals("u-17", c1.customerId());
    assertEquals("1", c1.meta().get("empty_turns"));
    assertEquals("I can't connect my bank account", c1.customerText());
    assertEquals(1, c.atLine(1) instanceof dev.verbatim.pipeline.Outcome.Ok<Feedback> ? 1 : 0);

    Feedback c2 = byId(c.ok(), "c-2");
    assertEquals("livechat", c2.id().source());
    assertEquals(Instant.parse("2026-03-04T10:00:00Z"), c2.eventTime(), "Unix seconds");
    assertEquals(Instant.parse("2026-03-04T10:07:00Z"), c2.turns().get(1).time(), "zone-less is UTC");
    assertEquals(2, c2.turns().size());
  }

  @Test
  void rejectsBadLinesAloneAndRegroupedConversations() {
    Collected<Feedback> c = Collected.read(new ChatTurnsJsonlReader(), "chat-turns.jsonl");
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(7).reason());
    assertTrue(c.rejectedAt(7).detail().contains("martian"));
    assertEquals(Reason.MALFORMED_JSON, c.rejectedAt(9).reason());
    var regrouped = c.rejectedAt(10);
    assertEquals(Reason.BAD_FIELD, regrouped.reason());
    assertTrue(regrouped.detail().contains("grouped by conversation_id"), regrouped.detail());
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(11).reason());
  }

  @Test
  void emptyFileGivesNoRecords() throws IOException {
    Collected.read(new ChatTurnsJsonlReader(), Files.createFile(tmp.resolve("e.jsonl"))).assertCounts(0, 0);
  }

  @Test
  void conversationOverItsLimitIsRejectedWhole() throws IOException {
    Path f = tmp.resolve("long.jsonl");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      b.append("{\"conversation_id\":\"k\",\"speaker\":\"customer\",\"text\":\"message ")
          .append(i)
          .append("\",\"time\":\"2026-03-04T10:00:00Z\"}\n");
    }
    Files.writeString(f, b);
    Collected<Feedback> c = Collected.read(new ChatTurnsJsonlReader(1000, 1000), f);
    c.assertCounts(0, 1);
    assertEquals(Reason.TOO_LONG, c.rejectedAt(1).reason());
  }
}
