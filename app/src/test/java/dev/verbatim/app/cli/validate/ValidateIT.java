package dev.verbatim.app.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} wired to a workspace the real pipeline built: the packaged CLI runs a small
 * fixture, then samples from the index, exports, imports labels and prints stats.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ValidateIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result cli(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-jar",
        Path.of("target/verbatim.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    var err = CompletableFuture.supplyAsync(() -> {
      try {
        return p.getErrorStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "CLI did not finish");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  private static final String[] NEGATIVE = {
    "I was charged twice and nobody answers, this is terrible.",
    "The app crashes every time I open it. Awful.",
    "Still waiting for my refund after three weeks, very disappointed.",
    "Worst support ever, my ticket was closed without an answer.",
  };
  private static final String[] POSITIVE = {
    "Great app, syncing my bank works perfectly. Love it!",
    "Thank you so much, the support team was wonderful and fast.",
    "Excellent service, the new dashboard is really helpful.",
  };
  private static final String[] NEUTRAL = {
    "How do I change the currency of my account?",
    "I moved to a new address last month.",
    "Where can I find the invoice for March?",
  };

  private static final String[] THINGS = {
    "garden hose", "blue kettle", "winter jacket", "laptop stand", "coffee grinder", "yoga mat", "desk lamp",
    "phone case", "running shoes", "travel mug", "bike helmet", "wool scarf", "toaster", "backpack", "headphones"
  };
  private static final String[] PLACES = {
    "Lisbon", "Oslo", "Denver", "Kyoto", "Nairobi", "Quito", "Perth", "Dublin", "Austin", "Seville", "Hanoi", "Zurich", "Lagos"
  };

  /** 60 records: reviews, tickets and chats with agent turns; some carry an e-mail address. */
  static Path fixture(Path dir) throws IOException {
    Path f = dir.resolve("feedback.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 60; i++) {
        String[] pool = i % 3 == 0 ? NEGATIVE : i % 3 == 1 ? POSITIVE : NEUTRAL;
        String text = String.format(Locale.ROOT, "My %s order %d shipped to %s on day %d. %s%s", THINGS[i % 15],
            1000 + i * 37, PLACES[(i * 5) % 13], i, pool[(i / 3) % pool.length],
            i % 7 == 0 ? " Mail me at dana" + i + "@example.com" : "");
        ObjectNode o = JSON.createObjectNode();
        o.put("id", "F-" + i);
        o.put("source", "fixture");
        o.put("event_time", String.format(Locale.ROOT, "2026-03-%02dT10:00:00Z", 1 + i % 28));
        if (i % 4 == 0) {
          o.put("channel", "chat");
          var turns = o.putArray("turns");
          turns.addObject().put("speaker", "customer").put("text", text);
          turns.addObject().put("speaker", "agent").put("text", "Thanks for writing, I am looking into case " + i + ".");
        } else {
          o.put("channel", i % 4 == 1 ? "review" : "ticket");
          o.put("text", text);
        }
        w.write(JSON.writeValueAsString(o));
        w.write('\n');
      }
    }
    return f;
  }

  @Test
  void sampleFromTheRunsIndexExportImportAndStats() throws Exception {
    Path ws = dir.resolve("ws");
    Result run = cli("run", "--input", fixture(dir).toString(), "--workspace", ws.toString());
    assertEquals(0, run.exit(), run.err());

    // no --population: the sample comes from the index the run wrote
    Result sample = cli("validate", "sample", "--strategy", "stratified", "--n", "20", "--seed", "1",
        "--overlap", "0.5", "--workspace", ws.toString());
    assertEquals(0, sample.exit(), sample.err());
    // near-duplicates (linked by the run) are left out of the population, as trends count them once
    var m = java.util.regex.Pattern.compile("20 items \\(stratified, seed 1\\) from (\\d+) records").matcher(sample.out());
    assertTrue(m.find(), sample.out());
    int population = Integer.parseInt(m.group(1));
    assertTrue(population >= 40 && population <= 60, sample.out());

    Result export = cli("validate", "export", "--format", "jsonl", "--workspace", ws.toString());
    assertEquals(0, export.exit(), export.err());
    List<JsonNode> items = new ArrayList<>();
    for (String line : export.out().split("\n")) {
      if (!line.isBlank()) items.add(JSON.readTree(line));
    }
    assertEquals(20, items.size());
    Set<String> ids = new HashSet<>();
    int withTurns = 0;
    for (JsonNode it : items) {
      String id = it.get("id").asText();
      assertTrue(id.matches("fixture/F-\\d+"), id);
      assertTrue(ids.add(id), "ids are unique: " + id);
      String text = it.get("text").asText();
      int i = Integer.parseInt(id.substring("fixture/F-".length()));
      assertTrue(text.contains("order " + (1000 + i * 37) + " "), "the indexed record's own text: " + text);
      assertFalse(text.contains("@example.com"), "reviewers see the redacted text: " + text);
      if (it.has("turns")) {
        withTurns++;
        assertEquals(0, i % 4, "only chats have turns");
        assertEquals("agent", it.get("turns").get(1).get("speaker").asText());
      }
    }
    assertTrue(withTurns > 0, "chats carry their conversation as context");

    // two reviewers: ann labels all (the truth by construction), bob the overlap items, disagreeing once
    Path labels = dir.resolve("labels.jsonl");
    int bobDisagrees = 1;
    try (Writer w = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
      for (JsonNode it : items) {
        String id = it.get("id").asText();
        int i = Integer.parseInt(id.substring("fixture/F-".length()));
        String truth = i % 3 == 0 ? "negative" : i % 3 == 1 ? "positive" : "neutral";
        w.write(JSON.writeValueAsString(Map.of("id", id, "reviewer", "ann", "sentiment", truth)) + "\n");
        if (it.get("overlap").asBoolean()) {
          String bob = bobDisagrees-- > 0 ? (truth.equals("neutral") ? "negative" : "neutral") : truth;
          w.write(JSON.writeValueAsString(Map.of("id", id, "reviewer", "bob", "sentiment", bob)) + "\n");
        }
      }
    }
    Result imp = cli("validate", "import", "--format", "jsonl", labels.toString(), "--workspace", ws.toString());
    assertEquals(0, imp.exit(), imp.err());

    Result stats = cli("validate", "stats", "--json", "--workspace", ws.toString());
    assertEquals(0, stats.exit(), stats.err());
    JsonNode st = JSON.readTree(stats.out());
    assertEquals(20, st.get("labels").asInt(), stats.out());
    for (String k : List.of("accuracy", "macro_f1")) {
      JsonNode e = st.get(k);
      double est = e.get("estimate").asDouble();
      assertTrue(e.get("ci_low").asDouble() <= est && est <= e.get("ci_high").asDouble(), k + ": " + e);
      assertTrue(est > 0 && est <= 1, k + ": " + e);
    }
    assertTrue(st.get("kappa").isNumber() && st.get("kappa").asDouble() < 1, stats.out());
    assertTrue(st.get("alpha").isNumber() && st.get("alpha").asDouble() < 1, stats.out());
    assertEquals("population", st.get("scope").asText());

    // learning from the 20 labels (dry run: measured, nothing saved)
    Result learn = cli("validate", "learn", "--dry-run", "--json", "--workspace", ws.toString());
    assertEquals(0, learn.exit(), learn.err());
    JsonNode lr = JSON.readTree(learn.out());
    assertEquals(20, lr.get("labels").asInt(), learn.out());
    assertTrue(lr.get("report").get("after").get("macro_f1").has("estimate"), learn.out());
    assertFalse(Files.exists(ws.resolve("models")), "a dry run saves no model");
  }

  @Test
  void targetedSampleUsesTheIndexSearch() throws Exception {
    Path ws = dir.resolve("ws");
    assertEquals(0, cli("run", "--input", fixture(dir).toString(), "--workspace", ws.toString()).exit());
    Result sample = cli("validate", "sample", "--strategy", "query", "--query", "refund AND channel:ticket",
        "--n", "50", "--workspace", ws.toString());
    assertEquals(0, sample.exit(), sample.err());
    Result export = cli("validate", "export", "--format", "jsonl", "--workspace", ws.toString());
    int n = 0;
    for (String line : export.out().split("\n")) {
      if (line.isBlank()) continue;
      JsonNode it = JSON.readTree(line);
      assertTrue(it.get("text").asText().toLowerCase(Locale.ROOT).contains("refund"), line);
      assertEquals("ticket", it.get("channel").asText(), line);
      n++;
    }
    // "refund" is in one of the 4 negative texts (i % 3 == 0, (i / 3) % 4 == 2), tickets are i % 4 in {2, 3}
    int expected = 0;
    for (int i = 0; i < 60; i++) {
      if (i % 3 == 0 && (i / 3) % 4 == 2 && i % 4 >= 2) expected++;
    }
    // near-duplicates of an earlier record are not in the population, so at most all of them
    assertTrue(n >= 1 && n <= expected, n + " of " + expected + ": " + export.out());

    Result bad = cli("validate", "sample", "--strategy", "query", "--query", "\"unbalanced", "--workspace", ws.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("unbalanced quotes"), bad.err());
  }
}
