package dev.verbatim.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateDemoCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cl = new CommandLine(new GenerateDemoCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesTheCorpusAndPrintsJson(@TempDir Path dir) throws Exception {
    assertEquals(0, run("--out", dir.toString(), "--records", "1000", "--accounts", "60", "--no-effects", "--json"));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals(8, json.get("files").size());
    assertEquals(false, json.at("/truth/planted_effects").asBoolean());
    for (String f : DemoCorpus.FILES) assertTrue(Files.isRegularFile(dir.resolve(f)), f);
  }

  @Test
  void writesCanonicalJsonlForBenchmarks(@TempDir Path dir) throws Exception {
    assertEquals(0, run("--out", dir.toString(), "--canonical-jsonl", "500", "--json"));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals(500, json.get("records").asLong());
    assertEquals(500, Files.readAllLines(dir.resolve("feedback-500.jsonl")).size());
  }

  @Test
  void badOptionsExitWithUsageError() {
    assertEquals(2, run("--records", "not-a-number"));
    assertTrue(err.toString().contains("--records"));
    assertEquals(2, run("--records", "10"));
    assertTrue(err.toString().contains("records must be >= 1000"), err.toString());
  }
}
