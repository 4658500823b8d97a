package dev.verbatim.app.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.app.cli.VerbatimCli;
import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.index.TopicTag;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report friction} and {@code trends} end to end on a small real index in a workspace. */
class FrictionCommandTest {
  @TempDir static Path ws;
  static final LocalDate START = LocalDate.of(2026, 1, 5); // a Monday

  @BeforeAll
  static void workspace() throws Exception {
    Random rnd = new Random(5);
    StringBuilder accounts = new StringBuilder(), outcomes = new StringBuilder();
    for (int a = 0; a < 40; a++) {
      accounts.append("{\"account_id\":\"acc").append(a).append("\",\"start_date\":\"2025-01-01\",\"segment\":\"")
          .append(a % 2 == 0 ? "smb" : "enterprise").append("\",\"arr\":").append(1000 * (a + 1)).append("}\n");
      if (a < 8) outcomes.append("{\"account_id\":\"acc").append(a).append("\",\"type\":\"churn\",\"event_date\":\"")
          .append(START.plusWeeks(19)).append("\"}\n");
    }
    Files.createDirectories(ws.resolve("topics"));
    Files.writeString(ws.resolve("topics/taxonomy.json"),
        "{\"format\":\"verbatim-taxonomy\",\"version\":1,\"themes\":[],\"renames\":{\"billing\":\"Double <b>charges</b>\"}}");
    Files.createDirectories(ws.resolve("accounts"));
    Files.writeString(ws.resolve("accounts/accounts.jsonl"), accounts);
    Files.writeString(ws.resolve("accounts/outcomes.jsonl"), outcomes);
    try (FeedbackIndexer ix = FeedbackIndexer.open(ws.resolve("index"), "test-run", 10_000)) {
      for (int w = 0; w < 20; w++) {
        for (int i = 0; i < 60; i++) {
          int a = rnd.nextInt(40);
          boolean billing = rnd.nextDouble() < (w >= 14 ? 0.35 : 0.05) || (a < 8 && w >= 8 && i % 4 == 0);
          Instant t = START.plusWeeks(w).plusDays(rnd.nextInt(7)).atTime(10, i).toInstant(ZoneOffset.UTC);
          String text = billing ? "Charged twice <script>alert('x')</script> & again #" + w + "-" + i : "The new dashboard is lovely #" + w + "-" + i;
          Redacted r = new Redacted(new FeedbackId("zendesk", "T-" + w + "-" + i), Channel.SURVEY, t, "acc" + a, null,
              new Rating(billing ? 2 : 9, RatingScale.NPS), null, Map.of(), List.of(Turn.customer(text)), text, List.of(), "en", null);
          IndexRecord rec = IndexRecord.of(r).withSentiment(billing ? "negative" : "positive", billing ? -0.8 : 0.7, 0.9)
              .withTopicTags(List.of(billing ? new TopicTag("billing", 1.0, "negative") : new TopicTag("dashboard", 1.0, "positive")))
              .withAccount(a % 2 == 0 ? "smb" : "enterprise", "pro");
          ix.apply(rec);
        }
      }
    }
  }

  static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, VerbatimCli.execute(args), () -> buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesHtmlJsonAndCsvFromTheWorkspace() throws Exception {
    Path html = ws.resolve("out/friction.html");
    String said = run("report", "friction", "--workspace", ws.toString(), "--out", html.toString());
    assertTrue(said.contains("written to"), said);
    String page = Files.readString(html);
    assertFalse(page.contains("<script"), "hostile text reached the page unescaped");
    assertTrue(page.contains("Charged twice &lt;script&gt;"), "quotes come from the index, escaped");
    assertTrue(page.contains("Double &lt;b&gt;charges&lt;/b&gt;"), "the analysts' name, escaped");

    Path json = ws.resolve("out/friction.json");
    run("report", "friction", "--workspace", ws.toString(), "--since", "2026-01-05", "--until", "2026-05-24",
        "--window-days", "60", "--format", "json", "--out", json.toString());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(60, root.get("window_days").asInt());
    JsonNode billing = null;
    for (JsonNode t : root.get("topics")) if (t.get("id").asText().equals("billing")) billing = t;
    assertNotNull(billing);
    assertTrue(billing.get("friction").asBoolean());
    assertEquals("Double <b>charges</b>", billing.get("label").asText(), "names from the taxonomy's renames");
    assertNotNull(billing.get("emerging").get("since"), "the jump from week 14 is flagged");
    // every churner raised it and no other account churned: the risk ratio is unbounded, written as null
    assertEquals(8, billing.get("churn").get("events").asInt());
    assertEquals(0, billing.get("churn").get("other_events").asInt());
    assertTrue(billing.get("churn").get("relative_risk").isNull());
    assertTrue(billing.get("verbatims").size() >= 3);
    assertEquals("topic:\"billing\" AND event_time:[2026-01-05 TO 2026-05-24]", billing.get("query").asText());

    Path csv = ws.resolve("out/friction.csv");
    run("report", "friction", "--workspace", ws.toString(), "--format", "csv", "--out", csv.toString());
    assertTrue(Files.readString(csv).startsWith("id,label,friction"));
  }

  @Test
  void trendsPrintsATopicSeries() throws Exception {
    JsonNode s = new ObjectMapper().readTree(run("trends", "--workspace", ws.toString(), "--topic", "billing", "--by", "week", "--json"));
    assertEquals(20, s.get("points").size());
    long total = 0;
    for (JsonNode p : s.get("points")) total += p.get("total").asLong();
    assertEquals(1200, total);
    String table = run("trends", "--workspace", ws.toString(), "--topic", "billing", "--by", "month", "--segment", "smb");
    assertTrue(table.contains("2026-01-01") && table.contains("segment:\"smb\""), table);
    assertEquals(2, VerbatimCli.execute("trends", "--workspace", ws.toString(), "--topic", "nope"));
  }
}
