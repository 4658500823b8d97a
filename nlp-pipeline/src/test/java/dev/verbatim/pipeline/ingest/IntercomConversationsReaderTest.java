package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntercomConversationsReaderTest {
  private final IntercomConversationsReader reader = new IntercomConversationsReader();

  @TempDir Path tmp;

  @Test
  void mapsSourceAndCommentPartsByAuthorType() {
    Collected<Feedback> c = Collected.read(reader, "intercom-conversations.json");
    c.assertCounts(2, 1);

    Feedback conv = byId(c.ok(), "147");
    assertEquals("intercom", conv.id().source());
    assertEquals(Channel.CHAT, conv.channel());
    assertEquals(
        List.of(Speaker.CUSTOMER, Speaker.BOT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER),
        conv.turns().stream().map(Turn::speaker).toList(),
        "assignment and note parts are not turns");
    assertEquals(Instant.parse("2026-03-04T10:00:00Z"), conv.eventTime());
    assertEquals(Instant.parse("2026-03-04T10:00:05Z"), conv.turns().get(1).time());
    assertEquals("globex", conv.accountId());
    assertEquals("u-17", conv.customerId());
    assertEquals("1", conv.meta().get("notes"));
    assertTrue(conv.turns().get(0).text().startsWith("<p>I can't connect"), "HTML kept for cleaning");
    assertTrue(!conv.customerText().contains("Plaid"), "notes are never customer text");

    Feedback outbound = byId(c.ok(), "148");
    assertEquals(Speaker.AGENT, outbound.turns().get(0).speaker(), "an admin-initiated source");
    assertEquals(Speaker.CUSTOMER, outbound.turns().get(1).speaker(), "a lead is a customer");
    assertEquals(Instant.parse("2026-03-05T10:01:40Z"), outbound.eventTime(), "first customer turn");
    assertEquals("77aa", outbound.customerId());
    assertEquals(2.0, outbound.rating().value());
    assertEquals(RatingScale.CSAT, outbound.rating().scale());
    assertEquals("slow", outbound.meta().get("rating_remark"));
    assertEquals("billing", outbound.meta().get("tags"));
    assertEquals("Refund", outbound.subject());

    assertEquals(Reason.RATING_OUT_OF_SCALE, c.rejected().get(0).reason());
  }

  /** Zendesk rejects a ticket whose comments are not a list; Intercom ignored the same shape. */
  @Test
  void partsThatAreNotAListAreRejectedNotIgnored() throws IOException {
    Path f = tmp.resolve("bad-parts.json");
    Files.writeString(f, "{\"conversations\":[{\"id\":\"9\",\"created_at\":1772445300,"
        + "\"source\":{\"body\":\"My card was charged twice\",\"author\":{\"type\":\"user\"}},"
        + "\"conversation_parts\":\"bad\"}]}");
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(0, 1);
    assertEquals(Reason.BAD_FIELD, c.rejected().get(0).reason());
    assertTrue(c.rejected().get(0).detail().contains("conversation_parts"), c.rejected().get(0).detail());
  }

  @Test
  void truncatedFileKeepsWhatWasReadAndRejectsTheRest() {
    Collected<Feedback> c = Collected.read(reader, "intercom-truncated.json");
    c.assertCounts(1, 1);
    assertEquals("147", c.ok().get(0).id().id());
    assertEquals(Reason.MALFORMED_JSON, c.rejected().get(0).reason());
    assertTrue(c.rejected().get(0).detail().contains("1 conversations before it"));
  }

  @Test
  void emptyFileGivesNoRecordsAndARootThatIsNotAnExportIsOneRejection() throws IOException {
    Collected.read(reader, Files.createFile(tmp.resolve("e.json"))).assertCounts(0, 0);
    Path s = tmp.resolve("s.json");
    Files.writeString(s, "\"just a string\"");
    Collected<Feedback> c = Collected.read(reader, s);
    c.assertCounts(0, 1);
    assertEquals(Reason.MALFORMED_JSON, c.rejected().get(0).reason());
  }
}
