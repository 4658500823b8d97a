package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.pipeline.ingest.ColumnMapping;
import dev.verbatim.pipeline.ingest.FeedbackFormats;
import dev.verbatim.pipeline.ingest.JsonlFeedbackReader;
import dev.verbatim.pipeline.ingest.FeedbackReader;
import dev.verbatim.pipeline.ingest.SourceFile;
import dev.verbatim.pipeline.redact.JsonlOriginalTextStore;
import dev.verbatim.pipeline.redact.OriginalTextStore;
import dev.verbatim.pipeline.run.Input;
import dev.verbatim.pipeline.run.PipelineRunner;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.pipeline.run.QuarantineWriter;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.pipeline.run.StageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The composition root of a pipeline run: resolves the inputs and their formats, wires ingest,
 * clean, redact, annotate and index into one pipeline, validates accounts and outcomes
 * beside it (before it, so records can be joined with their account), and writes the run report
 * into the workspace.
 */
public final class PipelineRun {
  static final ObjectMapper REPORT_JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What to run.
   *
   * @param inputs files or folders (every regular file inside, sorted by name)
   * @param format a format for every input, or null to detect each file's format
   * @param columnMap a CSV column mapping such as {@code text=Comment,rating=Stars}, or null
   * @param accounts accounts.csv to validate and keep, or null
   * @param outcomes outcomes.csv to validate and keep, or null
   * @param workers worker threads
   * @param commitEvery index commit interval in records (the safe points of a killed run)
   * @param keepOriginal keep the unmasked customer text in {@code originals/originals.jsonl} (never
   *     in the index); off by default
   */
  public record Options(
      List<Path> inputs,
      @Nullable String format,
      @Nullable String columnMap,
      @Nullable Path accounts,
      @Nullable Path outcomes,
      int workers,
      long commitEvery,
      boolean keepOriginal) {
    public Options {
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) throw new IllegalArgumentException("no input: pass --input FILE");
      if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1");
      if (commitEvery < 1) throw new IllegalArgumentException("commit interval must be at least 1");
    }

    /** Options for {@code inputs} with every default. */
    public static Options of(List<Path> inputs) {
      return new Options(
          inputs, null, null, null, null, Runtime.getRuntime().availableProcessors(), 50_000, false);
    }
  }

  private PipelineRun() {}

  /**
   * Runs the pipeline into {@code workspace}.
   *
   * @return the run report, also written to {@code runs/<run-id>.json}
   * @throws IllegalArgumentException for input the user must fix (unknown format, bad mapping)
   * @throws IOException if an input or the workspace cannot be read or written
   */
  public static RunReport execute(Workspace workspace, Options options, ProgressListener progress)
      throws IOException {
    return execute(workspace, options, progress, null);
  }

  /**
   * Runs the pipeline into {@code workspace}, also embedding every record with {@code embedder}
   * (if not null) for semantic search: far slower than the rest of the pipeline, so opt-in
   * ({@code run --embed}); the report's {@code embedding} entry says how long it took.
   *
   * @throws IllegalArgumentException also if the index holds vectors of another model
   */
  public static RunReport execute(
      Workspace workspace, Options options, ProgressListener progress,
      dev.verbatim.topics.embed.@Nullable SentenceEncoder embedder)
      throws IOException {
    requireNonNull(workspace, "workspace");
    List<Input> inputs = resolve(options);
    workspace.create();
    String runId = RunIds.next(Instant.now());
    RunReport report;
    try (QuarantineWriter quarantine = new QuarantineWriter(workspace.quarantine(runId), runId)) {
      // Accounts first: the index stage joins each record with its account's segment and plan.
      List<StageReport> side = new ArrayList<>();
      if (options.accounts() != null) {
        side.add(AccountFiles.accounts(options.accounts(), workspace.accounts(), quarantine));
      }
      if (options.outcomes() != null) {
        side.add(AccountFiles.outcomes(options.outcomes(), workspace.accounts(), quarantine));
      }
      var accounts = AccountFiles.facts(workspace.accounts());
      try (FeedbackIndexer indexer =
              FeedbackIndexer.open(workspace.index(), runId, options.commitEvery());
          OriginalTextStore originals =
              options.keepOriginal()
                  ? JsonlOriginalTextStore.open(workspace.root())
                  : OriginalTextStore.none()) {
        if (embedder != null) indexer.vectorModel(embedder.id());
        IndexStage index = new IndexStage(indexer, accounts, embedder);
        report =
            new PipelineRunner(options.workers(), 256)
                .run(runId, inputs, Stages.pipeline(originals, index), quarantine, progress)
                .withExtra("languages", index.languageMix())
                .withExtra("duplicates_linked", index.duplicates());
        if (embedder != null) report = report.withExtra("embedding", index.embedding());
      }
      report = report.withSideInputs(side, quarantine.written());
    }
    List<String> problems = report.inconsistencies();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("run " + runId + " does not add up: " + String.join("; ", problems));
    }
    Files.createDirectories(workspace.runs());
    REPORT_JSON.writeValue(workspace.runReport(runId).toFile(), report);
    return report;
  }

  private static List<Input> resolve(Options options) throws IOException {
    List<Input> inputs = new ArrayList<>();
    for (Path given : options.inputs()) {
      if (!Files.exists(given)) {
        throw new IOException("input " + given + " does not exist");
      }
      FeedbackFormats formats =
          new FeedbackFormats(
              options.columnMap() == null ? ColumnMapping.none() : ColumnMapping.parse(options.columnMap()),
              null,
              JsonlFeedbackReader.DEFAULT_MAX_LINE_BYTES);
      List<Path> files;
      if (Files.isDirectory(given)) {
        try (Stream<Path> s = Files.list(given)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("input folder " + given + " holds no files");
      } else {
        files = List.of(given);
      }
      for (Path f : files) {
        FeedbackReader reader =
            options.format() == null ? formats.detect(f) : formats.reader(options.format());
        inputs.add(new Input(SourceFile.of(f), reader));
      }
    }
    return inputs;
  }
}
