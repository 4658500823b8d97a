package dev.verbatim.app.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI: {@code demo} ends with the friction report written and its path printed, and
 * {@code report friction --format json} reads the same workspace.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FrictionDemoIT {
  @TempDir Path dir;

  static String cli(Path dir, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", Path.of("target/verbatim.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    File err = dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile();
    Process p = new ProcessBuilder(cmd).redirectError(err).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "CLI did not finish");
    String errors = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), () -> out + errors);
    return out;
  }

  @Test
  void demoEndsWithTheFrictionReport() throws Exception {
    Path ws = dir.resolve("demo");
    String out = cli(dir, "demo", "--no-serve", "--quiet", "--records", "2000", "--workspace", ws.toString());
    Path html = ws.resolve("reports/friction.html").toAbsolutePath();
    assertTrue(out.strip().endsWith("Friction report: " + html), out);
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("Friction report"));
    assertFalse(page.contains("<script"));

    Path json = dir.resolve("friction.json");
    cli(dir, "report", "friction", "--workspace", ws.toString(), "--format", "json", "--out", json.toString());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertTrue(root.get("records").asLong() > 1500, root.toString());
    assertTrue(root.get("accounts").asLong() > 0, "accounts and outcomes from the workspace");
    assertTrue(root.has("topics"));
  }
}
