package dev.verbatim.validation.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.validation.Fixtures;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.sample.Sample;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeTest {
  @TempDir Path dir;
  private final Exchange exchange = new Exchange(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
  private final Sample sample = Fixtures.sample(100, 6, 0.5);

  /** Labels every item with a mix of fields; returns the sample id. */
  private long labelled(ReviewQueue q) throws Exception {
    long s = q.addSample(sample);
    List<ReviewItem> items = q.items(s);
    Instant t = Instant.parse("2026-03-01T09:00:00Z");
    q.save(items.get(0).itemId(), new Label("ann", SentimentLabel.NEGATIVE, Map.of("billing", false), "refunds",
        true, false, "card number visible, \"quoted\"\nsecond line", t));
    q.save(items.get(0).itemId(), Label.sentiment("bob", SentimentLabel.NEUTRAL, t.plusSeconds(5)));
    q.save(items.get(1).itemId(), Label.flag("ann", "spam", t.plusSeconds(10)));
    q.save(items.get(2).itemId(), new Label("bob", SentimentLabel.POSITIVE, Map.of("delivery", true), null,
        false, false, "", t.plusSeconds(20)));
    return s;
  }

  private void assertRoundTrip(Format format) throws Exception {
    List<LabeledItem> before;
    StringWriter out = new StringWriter();
    try (ReviewQueue a = ReviewQueue.open(dir.resolve("a-" + format + ".db"))) {
      long s = labelled(a);
      before = a.labeled(s);
      assertEquals(6, exchange.export(a, s, format, out));
    }
    try (ReviewQueue b = ReviewQueue.open(dir.resolve("b-" + format + ".db"))) {
      long s = b.addSample(sample);
      ImportResult r = exchange.importLabels(b, s, format, new StringReader(out.toString()));
      assertEquals(List.of(), r.problems());
      assertEquals(4, r.imported());
      // the same export imported again adds no label rows (it used to double them)
      ImportResult again = exchange.importLabels(b, s, format, new StringReader(out.toString()));
      assertEquals(0, again.imported());
      assertEquals(4, again.unchanged());
      List<LabeledItem> after = b.labeled(s);
      for (int i = 0; i < before.size(); i++) {
        assertEquals(before.get(i).labels(), after.get(i).labels(), format + " item " + i);
      }
    }
  }

  @Test
  void labelStudioRoundTrip() throws Exception {
    assertRoundTrip(Format.LABEL_STUDIO);
  }

  @Test
  void jsonlRoundTripOfLabels() throws Exception {
    // export writes items with their labels nested; turn them into label lines as a team would
    StringWriter out = new StringWriter();
    long s;
    try (ReviewQueue a = ReviewQueue.open(dir.resolve("a.db"))) {
      s = labelled(a);
      exchange.export(a, s, Format.JSONL, out);
    }
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    int items = 0;
    for (String line : out.toString().split("\n")) {
      JsonNode item = json.readTree(line);
      assertTrue(item.hasNonNull("id") && item.hasNonNull("text"), line);
      items++;
      for (JsonNode l : item.path("labels")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) l).put("id", item.get("id").asText());
        lines.append(l).append('\n');
      }
    }
    assertEquals(6, items);
    try (ReviewQueue b = ReviewQueue.open(dir.resolve("b.db"))) {
      long sb = b.addSample(sample);
      ImportResult r = exchange.importLabels(b, sb, Format.JSONL, new StringReader(lines.toString()));
      assertEquals(4, r.imported(), r.problems().toString());
    }
  }

  @Test
  void csvRoundTrip() throws Exception {
    assertRoundTrip(Format.CSV);
  }

  @Test
  void jsonlImportOfMinimalLinesReportsBadOnes() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("q.db"))) {
      long s = q.addSample(sample);
      String first = q.items(s).get(0).recordId();
      String input = String.join("\n",
          "{\"id\": \"" + first + "\", \"reviewer\": \"ann\", \"sentiment\": \"positive\"}",
          "{\"id\": \"" + first + "\", \"reviewer\": \"bob\", \"sentiment\": \"meh\"}",
          "{\"id\": \"not-sampled\", \"reviewer\": \"bob\", \"sentiment\": \"negative\"}",
          "not json at all <script>",
          "{\"reviewer\": \"bob\", \"sentiment\": \"negative\"}",
          "");
      ImportResult r = exchange.importLabels(q, s, Format.JSONL, new StringReader(input));
      assertEquals(1, r.imported());
      assertEquals(4, r.problems().size(), r.problems().toString());
      assertTrue(r.problems().get(0).startsWith("line 2: sentiment 'meh'"), r.problems().get(0));
      assertEquals(SentimentLabel.POSITIVE, q.labeled(s).get(0).labels().get(0).sentiment());
    }
  }

  @Test
  void readsLabelStudioUserNumbersAndCancelledAnnotations() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("q.db"))) {
      long s = q.addSample(sample);
      String id = q.items(s).get(0).recordId();
      String ls = "[{\"id\": 9, \"data\": {\"text\": \"x\", \"verbatim_id\": \"" + id + "\"}, \"annotations\": ["
          + "{\"completed_by\": 3, \"created_at\": \"2026-03-01T10:00:00.123456Z\", \"result\": [{\"from_name\": \"sentiment\","
          + " \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": [\"Negative\"]}}]},"
          + "{\"completed_by\": 4, \"was_cancelled\": true, \"result\": []}]}]";
      ImportResult r = exchange.importLabels(q, s, Format.LABEL_STUDIO, new StringReader(ls));
      assertEquals(1, r.imported(), r.problems().toString());
      assertEquals("label-studio-user-3", q.labeled(s).get(0).labels().get(0).reviewer());
    }
  }

  @Test
  void aJsonlFileReadAsLabelStudioIsAProblemNotZeroLabels() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("q.db"))) {
      long s = q.addSample(sample);
      String id = q.items(s).get(0).recordId();
      String jsonl = "{\"id\": \"" + id + "\", \"reviewer\": \"ann\", \"sentiment\": \"positive\"}\n"
          + "{\"id\": \"" + id + "\", \"reviewer\": \"bob\", \"sentiment\": \"negative\"}\n";
      ImportResult r = exchange.importLabels(q, s, Format.LABEL_STUDIO, new StringReader(jsonl));
      assertEquals(0, r.imported());
      assertEquals(1, r.problems().size(), r.problems().toString());
      assertTrue(r.problems().get(0).contains("--format jsonl"), r.problems().get(0));
    }
  }

  @Test
  void csvExportNeutralisesSpreadsheetFormulasAndImportRestoresTheNote() throws Exception {
    List<dev.verbatim.validation.PopulationRecord> pop = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pop.add(new dev.verbatim.validation.PopulationRecord("r" + i, "=HYPERLINK(\"http://evil.example\",\"refund\") " + i,
          "review", SentimentLabel.NEGATIVE, -0.5, 0.5, List.of("billing"), null, null));
    }
    dev.verbatim.validation.sample.Sample hostile = new dev.verbatim.validation.sample.Sampler().draw(pop,
        dev.verbatim.validation.sample.SamplePlan.of(dev.verbatim.validation.sample.Strategy.STRATIFIED, 4, 7));
    String note = "@SUM(1+1) looks wrong";
    StringWriter out = new StringWriter();
    try (ReviewQueue a = ReviewQueue.open(dir.resolve("formula-a.db"))) {
      long s = a.addSample(hostile);
      a.save(a.items(s).get(0).itemId(), new Label("ann", SentimentLabel.NEGATIVE, Map.of(), "-refunds", false, false,
          note, Instant.parse("2026-03-01T09:00:00Z")));
      exchange.export(a, s, Format.CSV, out);
    }
    for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new StringReader(out.toString()))) {
      for (String cell : r.values()) {
        assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "a cell a spreadsheet runs: " + cell);
      }
    }
    try (ReviewQueue b = ReviewQueue.open(dir.resolve("formula-b.db"))) {
      long s = b.addSample(hostile);
      ImportResult r = exchange.importLabels(b, s, Format.CSV, new StringReader(out.toString()));
      assertEquals(List.of(), r.problems());
      Label back = b.labeled(s).stream().flatMap(li -> li.labels().stream()).findFirst().orElseThrow();
      assertEquals(note, back.note());
      assertEquals("-refunds", back.correctedTopic());
    }
  }
}
