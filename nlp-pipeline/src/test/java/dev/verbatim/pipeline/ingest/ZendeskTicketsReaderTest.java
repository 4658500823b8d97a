package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskTicketsReaderTest {
  private final ZendeskTicketsReader reader = new ZendeskTicketsReader();

  @TempDir Path tmp;

  @Test
  void mapsTicketsCommentsRolesAndOrganizations() {
    Collected<Feedback> c = Collected.read(reader, "zendesk-tickets.json");
    c.assertCounts(2, 2);

    Feedback t = byId(c.ok(), "35436");
    assertEquals("zendesk", t.id().source());
    assertEquals(Channel.TICKET, t.channel());
    assertEquals(Instant.parse("2026-03-02T10:15:00Z"), t.eventTime());
    assertEquals("acme", t.accountId(), "organization external_id");
    assertEquals("1001", t.customerId());
    assertEquals("Charged twice for March", t.subject());
    assertEquals(
        List.of(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER),
        t.turns().stream().map(Turn::speaker).toList(),
        "the private note is dropped");
    assertTrue(t.turns().get(0).text().startsWith("Hi, I was billed twice"), "body, not html_body");
    assertFalse(t.customerText().contains("Internal"), "private notes are never customer text");
    assertEquals("1", t.meta().get("private_notes"));
    assertEquals("bad", t.meta().get("satisfaction"));
    assertEquals("Took two days to get an answer.", t.meta().get("satisfaction_comment"));
    assertEquals("billing,refund", t.meta().get("tags"));
    assertEquals("email", t.meta().get("via"));
    assertNull(t.rating(), "good/bad is not a rating");
    assertEquals(Instant.parse("2026-03-03T07:55:00Z"), t.turns().get(1).time());

    Feedback t2 = byId(c.ok(), "35437");
    assertEquals("502", t2.accountId(), "an organization without external_id keeps its id");
    assertEquals("cust-1002", t2.customerId());
    assertEquals("<p>The CSV export is <b>empty</b>.</p>", t2.turns().get(0).text(), "html_body kept as is");
    assertEquals(Speaker.AGENT, t2.turns().get(1).speaker(), "an unknown author is not the customer");
    assertEquals("1", t2.meta().get("unknown_authors"));
    assertEquals(4.0, t2.rating().value());
    assertEquals(RatingScale.CSAT, t2.rating().scale());

    assertEquals(Reason.BAD_TIME, c.rejected().get(0).reason());
    assertTrue(c.rejected().get(0).detail().contains("yesterday"));
    assertEquals(Reason.EMPTY_TEXT, c.rejected().get(1).reason(), "a ticket with only a private note");
  }

  @Test
  void truncatedFileKeepsTicketsBeforeTheBreakAndRejectsTheRestOnce() {
    Collected<Feedback> c = Collected.read(reader, "zendesk-truncated.json");
    c.assertCounts(2, 1);
    Feedback first = byId(c.ok(), "35436");
    assertEquals("501", first.accountId(), "organizations after the break are lost: the Zendesk id stays");
    assertEquals(
        List.of(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER),
        first.turns().stream().map(Turn::speaker).toList(),
        "without side-loaded users the requester is still the customer");
    var rest = c.rejected().get(0);
    assertEquals(Reason.MALFORMED_JSON, rest.reason());
    long line = c.raws.get(2).line();
    assertTrue(rest.detail().contains("line " + line) && rest.detail().contains("2 tickets"), rest.detail());
    assertTrue(c.raws.get(2).content().contains("35438"), "the unreadable rest is quarantined");
  }

  @Test
  void latin1FileIsRejectedAsNotUtf8() throws IOException {
    Path f = tmp.resolve("latin1.json");
    Files.write(
        f,
        ("{\"tickets\":[{\"id\":1,\"created_at\":\"2026-03-02T10:15:00Z\",\"description\":\"ok\"},\n"
                + "{\"id\":2,\"created_at\":\"2026-03-02T10:15:00Z\",\"description\":\"caf\u00e9\"}]}")
            .getBytes(StandardCharsets.ISO_8859_1));
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(1, 1);
    assertEquals("ok", byId(c.ok(), "1").customerText(), "description when there are no comments");
    assertEquals(Reason.NOT_UTF8, c.rejected().get(0).reason());
    assertEquals(2, c.raws.get(1).line());
  }

  @Test
  void emptyFileGivesNoRecords() throws IOException {
    Collected.read(reader, Files.createFile(tmp.resolve("e.json"))).assertCounts(0, 0);
  }
}
