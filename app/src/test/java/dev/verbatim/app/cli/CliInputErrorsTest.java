package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first-time user's mistakes with {@code eval sentiment}, {@code redact} and {@code generate-demo}:
 * each gets exit code 2 and one line saying what to fix, never a bare JDK message or a figure that
 * looks measured. In-process (no jar needed), so it runs with the unit tests.
 */
class CliInputErrorsTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result cli(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = VerbatimCli.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path gold() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, "{\"id\":\"1\",\"text\":\"I love it\",\"sentiment\":\"positive\"}\n"
        + "{\"id\":\"2\",\"text\":\"I hate it\",\"sentiment\":\"negative\"}\n");
    return gold;
  }

  /** --map on a JSON Lines input used to be ignored without a word. */
  @Test
  void runRefusesAColumnMapWhenNoInputIsCsv() throws Exception {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"1\",\"source\":\"t\",\"channel\":\"review\","
        + "\"event_time\":\"2026-03-02T10:15:00Z\",\"text\":\"I love it\"}\n");
    Path ws = dir.resolve("ws");
    Result r = cli("run", "--input", input.toString(), "--map", "text=Comment", "--workspace", ws.toString(),
        "--no-topics", "--quiet");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--map maps CSV columns"), r.err());
    assertTrue(Files.notExists(ws.resolve("index")), "nothing written");
  }

  /** --limit 0 used to be read as 1 and print a one-document "measurement". */
  @Test
  void evalSentimentRejectsALimitBelowOne() throws Exception {
    Result r = cli("eval", "sentiment", "--gold", gold().toString(), "--limit", "0", "--json");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--limit"), r.err());
    assertEquals("", r.out());
  }

  /** A gold file without sentiment labels used to print accuracy 0.0 with exit 0. */
  @Test
  void evalSentimentOnAFileWithoutLabelsSaysSo() throws Exception {
    Path topicsOnly = dir.resolve("topics.jsonl");
    Files.writeString(topicsOnly, "{\"id\":\"1\",\"text\":\"refund please\",\"topic\":\"refund\"}\n");
    Result r = cli("eval", "sentiment", "--gold", topicsOnly.toString(), "--json");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("nothing to measure"), r.err());
    assertFalse(r.out().contains("accuracy"), r.out());
  }

  /** Latin-1 bytes used to end in "Input length = 1"; a folder in "Is a directory". */
  @Test
  void evalSentimentNamesNonUtf8BytesAndFolders() throws Exception {
    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, "{\"text\":\"caf\u00e9 ok\",\"sentiment\":\"positive\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    Result bytes = cli("eval", "sentiment", "--gold", latin1.toString());
    assertEquals(2, bytes.exit(), bytes.err());
    assertTrue(bytes.err().contains("is not UTF-8 (line 1)"), bytes.err());
    Result folder = cli("eval", "sentiment", "--gold", dir.toString());
    assertEquals(2, folder.exit(), folder.err());
    assertTrue(folder.err().contains("is a folder"), folder.err());
  }

  @Test
  void redactOfAFolderSaysItReadsOneFile() {
    Result r = cli("redact", "--input", dir.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is a folder: redact reads one file"), r.err());
  }

  /** Used to print only the path ("verbatim generate-demo: /etc/passwd"). */
  @Test
  void generateDemoIntoAFileSaysItNeedsAFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    Result r = cli("generate-demo", "--out", file.toString(), "--canonical-jsonl", "5");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is a file, not a folder"), r.err());
  }

  /** A Mac's .DS_Store in an export folder used to stop the whole run: "cannot tell the format". */
  @Test
  void runOnAFolderSkipsHiddenFiles() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("reviews.jsonl"),
        "{\"id\":\"R-1\",\"source\":\"appstore\",\"channel\":\"review\",\"event_time\":\"2026-03-03T08:00:00Z\","
            + "\"text\":\"Onboarding was confusing, took me an hour to connect my bank.\"}\n");
    Files.write(exports.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0});
    Result r = cli("run", "--input", exports.toString(), "--workspace", dir.resolve("ws").toString(),
        "--no-topics", "--quiet", "--json");
    assertEquals(0, r.exit(), r.err());
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(1, report.get("inputs").size(), r.out());
    assertEquals(1, report.get("stages").get(5).get("out").asLong(), r.out());
  }
}
