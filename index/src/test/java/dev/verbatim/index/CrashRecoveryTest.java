package dev.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL (no shutdown hooks, no close) leaves the last commit readable, and
 * indexing everything again completes the index without duplicates.
 */
class CrashRecoveryTest {
  private static final int RECORDS = 1000;
  private static final int COMMIT_EVERY = 100;

  @TempDir Path dir;

  @Test
  void killedWriterLeavesLastCommitAndReRunCompletesWithoutDuplicates() throws Exception {
    Path index = dir.resolve("index");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingIndexerMain.class.getName(),
                index.toString(),
                Integer.toString(RECORDS),
                Integer.toString(COMMIT_EVERY))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("COMMITTED")) {
        // skip anything else the child prints
      }
      assertEquals("COMMITTED", line, "the child never reached its first commit");
      child.destroyForcibly();
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
    }
    assertTrue(child.exitValue() != 0 && child.exitValue() != 3, "killed, not finished");

    int atCrash;
    try (FeedbackSearch s = FeedbackSearch.open(index)) {
      atCrash = s.count();
      assertTrue(atCrash >= COMMIT_EVERY && atCrash < RECORDS, "readable at a commit: " + atCrash);
      assertEquals(0, atCrash % COMMIT_EVERY, "exactly a commit's worth: " + atCrash);
    }

    try (FeedbackIndexer ix = FeedbackIndexer.open(index, "run-again", 500)) {
      for (int i = 0; i < RECORDS; i++) ix.apply(CrashingIndexerMain.record(i));
    }
    try (FeedbackSearch s = FeedbackSearch.open(index)) {
      assertEquals(RECORDS, s.count());
      assertEquals(1, s.search("id:R-00042", 10).total());
      SearchResult all = s.search(SearchRequest.builder("").facets(true).limit(0).build());
      assertEquals(RECORDS, all.total());
      assertEquals(RECORDS, all.facets().get("channel").get("ticket"));
      assertEquals(List.of("t0", "t1", "t2"),
          all.facets().get("topic").keySet().stream().sorted().toList());
    }
  }
}
