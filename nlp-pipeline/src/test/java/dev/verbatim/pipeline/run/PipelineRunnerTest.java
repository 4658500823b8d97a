package dev.verbatim.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.StageFailure;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.pipeline.ingest.FeedbackReader;
import dev.verbatim.pipeline.ingest.RecordSink;
import dev.verbatim.pipeline.ingest.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(60) // a deadlock between reader and workers fails, never hangs
class PipelineRunnerTest {
  @TempDir Path dir;

  /** Emits {@code n} records; every 10th is rejected at ingest; ids repeat every {@code distinct}. */
  private record FakeReader(int n, int distinct) implements FeedbackReader {
    @Override
    public String format() {
      return "fake";
    }

    @Override
    public void read(SourceFile file, RecordSink sink) {
      for (int i = 0; i < n; i++) {
        RawRecord raw = RawRecord.ofText(file.name(), i + 1, "line " + i);
        if (i % 10 == 9) {
          sink.accept(raw, Outcome.reject(Reason.BAD_TIME, "event_time 'x' is not ISO-8601"));
        } else {
          sink.accept(raw, Outcome.ok(feedback("r" + (i % distinct), "text " + i)));
        }
      }
    }
  }

  static Feedback feedback(String id, String text) {
    return new Feedback(
        new FeedbackId("test", id), Channel.REVIEW, Instant.parse("2026-03-02T10:15:00Z"),
        List.of(Turn.customer(text)), null, null, null, null, null, Map.of());
  }

  /** Throws on a seeded random share of records, like Lucene's CrankyTokenFilter. */
  private record CrankyStage(String name, long seed, double share) implements Stage<Feedback, Feedback> {
    @Override
    public Outcome<Feedback> apply(Feedback f) {
      if (new Random(seed ^ f.id().hashCode() ^ f.customerText().hashCode()).nextDouble() < share) {
        throw new IllegalStateException("cranky");
      }
      return Outcome.ok(f);
    }
  }

  private record RejectingStage(String name, String marker) implements Stage<Feedback, Feedback> {
    @Override
    public Outcome<Feedback> apply(Feedback f) {
      return f.customerText().endsWith(marker)
          ? Outcome.reject(Reason.EMPTY_TEXT, "nothing left")
          : Outcome.ok(f);
    }
  }

  private Input input(FeedbackReader reader) throws IOException {
    Path file = Files.writeString(dir.resolve("in-" + System.nanoTime() + ".txt"), "x");
    return new Input(SourceFile.of(file), reader);
  }

  @Test
  void countsAddUpUnderInjectedFaults() throws IOException {
    for (long seed = 1; seed <= 5; seed++) {
      Pipeline<Feedback> p =
          Pipeline.start()
              .then(new CrankyStage("cranky", seed, 0.05))
              .then(new RejectingStage("picky", "7"))
              .then(new CrankyStage("cranky2", seed * 31, 0.02));
      Path q = dir.resolve("q" + seed + ".jsonl");
      RunReport report;
      try (QuarantineWriter qw = new QuarantineWriter(q, "run-" + seed)) {
        report = new PipelineRunner(3, 7).run("run-" + seed, List.of(input(new FakeReader(2000, 2000))),
            p, qw, ProgressListener.NONE);
      }
      assertTrue(report.inconsistencies().isEmpty(), "seed " + seed + ": " + report.inconsistencies());
      assertEquals(2000, report.stages().get(0).in());
      assertEquals(200, report.stages().get(0).rejected());
      long rejected = report.stages().stream().mapToLong(StageReport::rejected).sum();
      assertEquals(rejected, Files.readAllLines(q).size(), "seed " + seed);
      assertTrue(report.stages().get(1).rejectedByReason().get("INTERNAL") > 0, "seed " + seed);
      assertEquals(
          report.stages().get(2).rejected(),
          report.stages().get(2).rejectedByReason().getOrDefault("EMPTY_TEXT", 0L));
    }
  }

  @Test
  void quarantineKeepsOriginalLineAndReason() throws IOException {
    Path q = dir.resolve("q.jsonl");
    try (QuarantineWriter qw = new QuarantineWriter(q, "r1")) {
      new PipelineRunner(2, 4).run("r1", List.of(input(new FakeReader(10, 10))),
          Pipeline.start(), qw, ProgressListener.NONE);
    }
    List<String> lines = Files.readAllLines(q);
    assertEquals(1, lines.size());
    JsonNode entry = new ObjectMapper().readTree(lines.get(0));
    assertEquals("ingest", entry.get("stage").asText());
    assertEquals("BAD_TIME", entry.get("reason").asText());
    assertEquals("line 9", entry.get("original").asText());
    assertEquals(10, entry.get("line").asLong());
    assertEquals("r1", entry.get("run_id").asText());
  }

  @Test
  void sameIdInOneRunIsProcessedInFileOrder() throws IOException {
    Map<String, String> last = new ConcurrentHashMap<>();
    Stage<Feedback, Feedback> recorder = new Stage<>() {
      @Override
      public String name() {
        return "record";
      }

      @Override
      public Outcome<Feedback> apply(Feedback f) {
        last.put(f.id().id(), f.customerText());
        return Outcome.ok(f);
      }
    };
    try (QuarantineWriter qw = new QuarantineWriter(dir.resolve("q.jsonl"), "r")) {
      new PipelineRunner(4, 3).run("r", List.of(input(new FakeReader(1000, 7))),
          Pipeline.start().then(recorder), qw, ProgressListener.NONE);
    }
    // the last non-rejected occurrence of each id in file order must win
    for (int k = 0; k < 7; k++) {
      int lastIndex = -1;
      for (int i = 0; i < 1000; i++) if (i % 7 == k && i % 10 != 9) lastIndex = i;
      assertEquals("text " + lastIndex, last.get("r" + k));
    }
  }

  @Test
  void stageFailureStopsTheRunWithItsMessage() throws IOException {
    Stage<Feedback, Feedback> broken = new Stage<>() {
      @Override
      public String name() {
        return "index";
      }

      @Override
      public Outcome<Feedback> apply(Feedback f) {
        throw new StageFailure("index is locked by another process: stop it or use another --workspace");
      }
    };
    try (QuarantineWriter qw = new QuarantineWriter(dir.resolve("q.jsonl"), "r")) {
      StageFailure f = assertThrows(StageFailure.class, () -> new PipelineRunner(2, 5).run("r",
          List.of(input(new FakeReader(100_000, 100_000))), Pipeline.start().then(broken), qw,
          ProgressListener.NONE));
      assertTrue(f.getMessage().contains("locked"));
    }
  }

  @Test
  void missingInputIsAClearError() {
    Input missing = new Input(SourceFile.of(dir.resolve("nope.jsonl")), new FakeReader(1, 1));
    IOException e = assertThrows(IOException.class, () -> {
      try (QuarantineWriter qw = new QuarantineWriter(dir.resolve("q.jsonl"), "r")) {
        new PipelineRunner(1, 1).run("r", List.of(missing), Pipeline.start(), qw, ProgressListener.NONE);
      }
    });
    assertTrue(e.getMessage().contains("nope.jsonl"));
  }

  @Test
  void duplicateStageNamesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Pipeline.start().then(new RejectingStage("a", "1")).then(new RejectingStage("a", "2")));
    assertThrows(IllegalArgumentException.class,
        () -> Pipeline.start().then(new RejectingStage("ingest", "1")));
  }

  @Test
  void reportThatDoesNotAddUpIsDetected() {
    RunReport bad = new RunReport("r", Instant.EPOCH, Instant.EPOCH, 0, 1,
        List.of(new InputReport("f", "fake", 10, 1)),
        List.of(new StageReport("ingest", 10, 9, 1, 0, Map.of()),
            new StageReport("clean", 8, 8, 0, 0, Map.of())),
        List.of(), "q", 1, Map.of());
    assertEquals(1, bad.inconsistencies().size());
    assertTrue(bad.inconsistencies().get(0).contains("clean received 8"));
  }
}
