package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures the user fixes get one line that says what is wrong, and exit code 2. */
class CliErrorsTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsNamedAsMissing() {
    Path missing = dir.resolve("no-such-population.jsonl");
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = VerbatimCli.execute("validate", "sample", "--population", missing.toString(), "--n", "5",
          "--workspace", dir.resolve("ws").toString());
    } finally {
      System.setErr(old);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, exit, said);
    assertTrue(said.contains("no such file: " + missing), "the bare path says nothing about what is wrong: " + said);
  }

  @Test
  void aSampleSizeBelowOneIsNamed() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = VerbatimCli.execute("validate", "sample", "--strategy", "uncertainty", "--n", "0",
          "--workspace", dir.resolve("ws").toString());
    } finally {
      System.setErr(old);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, exit, said);
    assertTrue(said.contains("--n must be at least 1"), said);
  }
}
