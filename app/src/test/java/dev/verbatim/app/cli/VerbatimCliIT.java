package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real CLI (the packaged jar, in a child JVM) on small fixtures: the end-to-end test.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class VerbatimCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/e2e");

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result cli(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    // read stderr on its own thread: a child filling one pipe while we block on the other would hang
    var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return p.getErrorStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(9, TimeUnit.MINUTES), "CLI did not finish"); // the demo fits topics too
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  static Process start(String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", Path.of("target/verbatim.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(false).start();
  }

  @Test
  void runOnFixtureCountsQuarantinesRedactsAndIsIdempotent() throws Exception {
    Path ws = dir.resolve("ws");
    Result r = cli("run", "--input", FIXTURES.resolve("feedback.jsonl").toString(),
        "--accounts", FIXTURES.resolve("accounts.csv").toString(),
        "--outcomes", FIXTURES.resolve("outcomes.csv").toString(),
        "--workspace", ws.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = JSON.readTree(r.out());
    JsonNode ingest = report.get("stages").get(0);
    assertEquals("ingest", ingest.get("name").asText());
    assertEquals(9, ingest.get("in").asLong());
    assertEquals(4, ingest.get("rejected").asLong(), r.out());
    long rejected = 0;
    for (JsonNode s : report.get("stages")) {
      assertEquals(s.get("in").asLong(), s.get("out").asLong() + s.get("rejected").asLong(), s.toString());
      rejected += s.get("rejected").asLong();
    }
    assertEquals(4, rejected, "bad time, rating out of scale, not JSON, blank text");
    Path quarantine = Path.of(report.get("quarantine").asText());
    List<String> qLines = Files.readAllLines(quarantine);
    // 4 feedback records, 1 bad account row, 1 bad outcome row
    assertEquals(6, qLines.size(), String.join("\n", qLines));
    assertTrue(qLines.stream().anyMatch(l -> l.contains("RATING_OUT_OF_SCALE")));
    assertTrue(qLines.stream().anyMatch(l -> l.contains("this line is not JSON")));
    assertTrue(Files.exists(ws.resolve("runs").resolve(report.get("run_id").asText() + ".json")));
    assertFalse(Files.exists(ws.resolve("originals")), "the original text is not stored by default");

    // searchable, and PII masked in the index
    JsonNode hits = JSON.readTree(cli("search", "crashes", "--workspace", ws.toString(), "--json").out());
    assertEquals(1, hits.get("total").asLong());
    String text = hits.get("hits").get(0).get("text").asText();
    assertTrue(text.contains("[CARD]"), text);
    assertFalse(text.contains("4111"), text);
    assertEquals(0, JSON.readTree(cli("search", "4111", "--workspace", ws.toString(), "--json").out())
        .get("total").asLong());
    assertEquals(0, JSON.readTree(cli("search", "\"li@globex.example\"", "--workspace", ws.toString(), "--json").out())
        .get("total").asLong());

    // the later version of R-77 in the same file wins; re-running changes nothing
    Map<String, String> before = allDocs(ws);
    assertEquals(4, before.size(), before.toString());
    assertTrue(before.get("appstore/R-77").contains("Edited"));
    assertEquals(0, cli("run", "--input", FIXTURES.resolve("feedback.jsonl").toString(),
        "--workspace", ws.toString()).exit());
    assertEquals(before, allDocs(ws));
  }

  @Test
  void embeddedRunSearchesByMeaningAndLikeSkipsTheRecordItself() throws Exception {
    Path ws = dir.resolve("embedded");
    Path plain = dir.resolve("plain");
    String input = FIXTURES.resolve("feedback.jsonl").toString();
    Result run = cli("run", "--input", input, "--workspace", ws.toString(), "--embed", "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode embedding = JSON.readTree(run.out()).get("extra").get("embedding");
    // five records reach the index (R-77 twice: the later version replaces the first)
    assertEquals(5, embedding.get("records").asLong(), embedding.toString());
    assertEquals("all-minilm-l6-v2-q", embedding.get("model").asText());

    // no word in common with T-1042 ("billed twice"), found by meaning
    Result near = cli("search", "--semantic", "the payment went through two times",
        "--workspace", ws.toString(), "--json", "--limit", "1");
    assertEquals(0, near.exit(), near.err());
    assertEquals("T-1042", JSON.readTree(near.out()).get("hits").get(0).get("id").asText(), near.out());
    Result text = cli("search", "--semantic", "the payment went through two times",
        "--workspace", ws.toString(), "--limit", "2");
    assertTrue(text.out().contains("similarity"), text.out());

    JsonNode like = JSON.readTree(cli("search", "--like", "zendesk/T-1042", "--workspace", ws.toString(),
        "--json", "--min-similarity", "-1").out());
    assertEquals(3, like.get("hits").size(), like.toString());
    for (JsonNode h : like.get("hits")) assertFalse(h.get("id").asText().equals("T-1042"));

    assertEquals(0, cli("run", "--input", input, "--workspace", plain.toString()).exit());
    Result none = cli("search", "--semantic", "bank", "--workspace", plain.toString());
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().contains("./verbatim embed"), none.err());

    // the records already indexed get embeddings afterwards, keeping everything else
    Result embed = cli("embed", "--workspace", plain.toString(), "--json");
    assertEquals(0, embed.exit(), embed.err());
    JsonNode done = JSON.readTree(embed.out());
    assertEquals(4, done.get("embedded").asLong(), "R-77's first version was replaced: " + done);
    assertEquals(4, done.get("with_embeddings").asLong(), done.toString());
    assertEquals("T-1042", JSON.readTree(cli("search", "--semantic", "the payment went through two times",
        "--workspace", plain.toString(), "--json", "--limit", "1").out()).get("hits").get(0).get("id").asText());
    assertEquals(0, JSON.readTree(cli("embed", "--workspace", plain.toString(), "--json").out())
        .get("embedded").asLong(), "nothing left to embed");
    Result otherModel = cli("embed", "--workspace", plain.toString(), "--model", "bge-small");
    assertEquals(2, otherModel.exit(), otherModel.err());
    assertTrue(otherModel.err().contains("all-minilm-l6-v2-q"), otherModel.err());

    // once the index has embeddings, a run without --embed keeps embedding with its model
    Result again = cli("run", "--input", input, "--workspace", plain.toString(), "--json");
    assertEquals(0, again.exit(), again.err());
    JsonNode kept = JSON.readTree(again.out()).get("extra").get("embedding");
    assertEquals(5, kept.get("records").asLong(), again.out());
    assertEquals("all-minilm-l6-v2-q", kept.get("model").asText());
  }

  @Test
  void badUsageSaysWhatToFixWithExitCode2() throws Exception {
    Result missing = cli("run", "--input", dir.resolve("nope.jsonl").toString(), "--workspace", dir.toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("nope.jsonl"), missing.err());
    Result badQuery = cli("search", "\"unbalanced", "--workspace", dir.toString());
    assertEquals(2, badQuery.exit());
    Result help = cli("run", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Example"), help.out());
  }

  @Test
  void killedRunRestartedEndsLikeOneCleanRun() throws Exception {
    Path input = dir.resolve("big.jsonl");
    try (Writer w = Files.newBufferedWriter(input)) {
      for (int i = 0; i < 150_000; i++) {
        w.write(String.format(Locale.ROOT,
            "{\"id\":\"r%d\",\"source\":\"s\",\"channel\":\"review\",\"event_time\":\"2026-03-%02dT08:00:00Z\","
                + "\"text\":\"review number %d says the app is slow and crashes when syncing my bank\"}%n",
            i, 1 + i % 28, i));
      }
    }
    Path clean = dir.resolve("clean");
    assertEquals(0, cli("run", "--input", input.toString(), "--workspace", clean.toString()).exit());

    Path killed = dir.resolve("killed");
    Process p = start("run", "--input", input.toString(), "--workspace", killed.toString());
    drain(p.getInputStream());
    drain(p.getErrorStream());
    // wait for at least one commit (segments file) then kill -9
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (p.isAlive() && System.nanoTime() < deadline && !hasCommit(killed.resolve("index"))) {
      Thread.sleep(20);
    }
    p.destroyForcibly();
    p.waitFor();
    assertEquals(0, cli("run", "--input", input.toString(), "--workspace", killed.toString()).exit());

    assertEquals(allDocs(clean), allDocs(killed));
  }

  private static boolean hasCommit(Path index) throws IOException {
    if (!Files.isDirectory(index)) return false;
    try (var files = Files.list(index)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    }
  }

  private static void drain(InputStream in) {
    Thread.ofVirtual().start(() -> {
      try {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Every record in the index as key -> text, via the CLI's own JSON search. */
  private static Map<String, String> allDocs(Path ws) throws Exception {
    Result r = cli("search", "", "--workspace", ws.toString(), "--json", "--limit", "1000000");
    assertEquals(0, r.exit(), r.err());
    JsonNode result = JSON.readTree(r.out());
    Map<String, String> docs = new TreeMap<>();
    for (JsonNode h : result.get("hits")) {
      String prev = docs.put(h.get("source").asText() + "/" + h.get("id").asText(), h.get("text").asText());
      assertEquals(null, prev, "duplicate " + h);
    }
    assertEquals(result.get("total").asLong(), docs.size());
    return docs;
  }
}
