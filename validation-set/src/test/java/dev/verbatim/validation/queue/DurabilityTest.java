package dev.verbatim.validation.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.validation.Fixtures;
import dev.verbatim.validation.SentimentLabel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A label saved by a process that is killed right after is still there. */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void aKilledProcessLosesNoSavedLabel() throws Exception {
    Path db = dir.resolve("validation.db");
    long itemId;
    long sampleId;
    try (ReviewQueue q = ReviewQueue.open(db)) {
      sampleId = q.addSample(Fixtures.sample(30, 5, 0));
      itemId = q.items(sampleId).get(0).itemId();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SaveThenHang.class.getName(), db.toString(), Long.toString(itemId))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("SAVED")) {
        // skip JVM warnings
      }
      assertEquals("SAVED", line, "child did not save");
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }
    try (ReviewQueue q = ReviewQueue.open(db)) {
      List<LabeledItem> labeled = q.labeled(sampleId);
      LabeledItem li = labeled.stream().filter(x -> x.item().itemId() == itemId).findFirst().orElseThrow();
      assertEquals(1, li.labels().size());
      assertEquals("killed", li.labels().get(0).reviewer());
      assertEquals(SentimentLabel.POSITIVE, li.labels().get(0).sentiment());
    }
  }
}
