package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code verbatim demo --no-serve} and checks the product finds what the generator planted:
 * every malformed record is quarantined (per file), the report adds up, and no planted e-mail
 * survives into the index.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void demoQuarantinesEveryPlantedMalformedRecordAndMasksPii() throws Exception {
    Path ws = dir.resolve("demo");
    VerbatimCliIT.Result r = VerbatimCliIT.cli("demo", "--no-serve", "--json", "--workspace", ws.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode report = JSON.readTree(r.out());
    JsonNode truth = JSON.readTree(ws.resolve("demo-input/planted-truth.json").toFile()).get("truth");

    Map<String, Long> quarantined = new HashMap<>();
    List<String> lines = Files.readAllLines(Path.of(report.get("quarantine").asText()));
    for (String line : lines) {
      JsonNode q = JSON.readTree(line);
      quarantined.merge(Path.of(q.get("file").asText()).getFileName().toString(), 1L, Long::sum);
    }
    JsonNode malformed = truth.get("malformed");
    for (Iterator<String> files = malformed.fieldNames(); files.hasNext(); ) {
      String file = files.next();
      long planted = 0;
      for (JsonNode n : malformed.get(file)) planted += n.asLong();
      long got = quarantined.getOrDefault(file, 0L);
      if (file.equals("reviews.csv")) {
        // a star rating without text is a real score-only review: kept, not quarantined (README)
        long scoreOnly = malformed.get(file).path("missing_text").asLong();
        assertTrue(got >= planted - scoreOnly && got <= planted, file + ": " + got + " of " + planted);
      } else {
        assertEquals(planted, got, file);
      }
    }
    assertEquals(lines.size(), report.get("quarantined").asLong());

    // no planted e-mail, phone, card, IBAN or IP survives into the index; names mostly masked
    VerbatimCliIT.Result all =
        VerbatimCliIT.cli("search", "", "--workspace", ws.toString(), "--json", "--limit", "100000");
    StringBuilder indexed = new StringBuilder();
    for (JsonNode h : JSON.readTree(all.out()).get("hits")) indexed.append(h.get("text").asText()).append('\n');
    String text = indexed.toString();
    Map<String, long[]> byType = new HashMap<>(); // type -> {planted, leaked}
    for (String line : Files.readAllLines(ws.resolve("demo-input/demo-labels.jsonl"))) {
      for (JsonNode pii : JSON.readTree(line).path("pii")) {
        long[] c = byType.computeIfAbsent(pii.get("type").asText(), k -> new long[2]);
        c[0]++;
        if (text.contains(pii.get("value").asText())) c[1]++;
      }
    }
    for (String type : List.of("email", "phone", "card", "iban", "ip")) {
      assertTrue(byType.get(type)[0] > 0, type);
      assertEquals(0, byType.get(type)[1], type + " leaked into the index");
    }
    long[] names = byType.get("person_name");
    assertTrue(names[1] <= names[0] * 0.10, "names leaked: " + names[1] + " of " + names[0]);

    // the demo ends with topics assigned, and the planted themes come out as topics of their own
    // (the trends work reads them): each has one topic holding most of its records
    assertTrue(report.get("extra").get("topics").get("model_version").asInt() >= 1, report.get("extra").toString());
    assertTrue(report.get("extra").get("topics").get("untagged_share").asDouble() < 0.10);
    java.util.Set<String> best = new java.util.HashSet<>();
    for (dev.verbatim.app.demo.PlantedTopics.Match m :
        dev.verbatim.app.demo.PlantedTopics.measure(ws.resolve("demo-input/demo-labels.jsonl"), ws.resolve("index"))) {
      if (!dev.verbatim.app.demo.PlantedTopics.PLANTED.contains(m.theme())) continue;
      assertTrue(m.recall() >= 0.8, m.toString());
      assertTrue(m.f1() >= 0.5, m.toString());
      best.add(m.topic());
    }
    assertEquals(3, best.size(), "the planted themes share a topic");
  }
}
