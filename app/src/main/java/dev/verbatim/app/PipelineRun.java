package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.topics.tag.TopicStage;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.ingest.ColumnMapping;
import dev.verbatim.pipeline.ingest.FeedbackFormats;
import dev.verbatim.pipeline.ingest.JsonlFeedbackReader;
import dev.verbatim.pipeline.ingest.FeedbackReader;
import dev.verbatim.pipeline.ingest.SourceFile;
import dev.verbatim.pipeline.redact.JsonlOriginalTextStore;
import dev.verbatim.pipeline.redact.IdPseudonyms;
import dev.verbatim.pipeline.redact.OriginalTextStore;
import dev.verbatim.pipeline.redact.PiiRedactor;
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
   * @param topics how topics are assigned: see {@link TopicOptions}
   * @param scorer the sentiment scorer of the annotate stage (default {@code fast})
   */
  public record Options(
      List<Path> inputs,
      @Nullable String format,
      @Nullable String columnMap,
      @Nullable Path accounts,
      @Nullable Path outcomes,
      int workers,
      long commitEvery,
      boolean keepOriginal,
      TopicOptions topics,
      SentimentScorers.Name scorer) {
    /** Options with the default topic handling. */
    public Options(List<Path> inputs, @Nullable String format, @Nullable String columnMap,
        @Nullable Path accounts, @Nullable Path outcomes, int workers, long commitEvery, boolean keepOriginal) {
      this(inputs, format, columnMap, accounts, outcomes, workers, commitEvery, keepOriginal, TopicOptions.defaults(),
          SentimentScorers.Name.fast);
    }

    public Options {
      requireNonNull(topics, "topics");
      requireNonNull(scorer, "scorer");
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) throw new IllegalArgumentException("no input: pass --input FILE");
      if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1");
      if (commitEvery < 1) throw new IllegalArgumentException("commit interval must be at least 1");
    }

    /** These options with other topic handling. */
    public Options withTopics(TopicOptions t) {
      return new Options(inputs, format, columnMap, accounts, outcomes, workers, commitEvery, keepOriginal, t, scorer);
    }

    /** These options with another sentiment scorer. */
    public Options withScorer(SentimentScorers.Name s) {
      return new Options(inputs, format, columnMap, accounts, outcomes, workers, commitEvery, keepOriginal, topics, s);
    }

    /** Options for {@code inputs} with every default. */
    public static Options of(List<Path> inputs) {
      return new Options(
          inputs, null, null, null, null, Runtime.getRuntime().availableProcessors(), 50_000, false);
    }
  }

  /**
   * How a run assigns topics.
   *
   * @param enabled whether the topics stage runs at all (off: records are indexed untagged)
   * @param refit fit anew on this run's inputs even if the workspace has a model (ids kept stable)
   * @param fit how a fit samples and fits (used on a first run and with {@code refit})
   */
  public record TopicOptions(boolean enabled, boolean refit, TopicWorkspace.FitSettings fit) {
    public TopicOptions {
      requireNonNull(fit, "fit");
    }

    /** Topics on; fit on the first run, infer with the saved model afterwards. */
    public static TopicOptions defaults() {
      return new TopicOptions(true, false, TopicWorkspace.FitSettings.defaults());
    }

    /** No topics stage work: records pass untagged. */
    public static TopicOptions off() {
      return new TopicOptions(false, false, TopicWorkspace.FitSettings.defaults());
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
    // The scorer first: a missing learned model is the user's to fix, before anything is written.
    SentimentScorer scorer =
        new SentimentScorers(workspace.root(), SentimentScorers.CASCADE_THRESHOLD).open(options.scorer());
    workspace.create();
    // One key for the run: record ids, account ids and customer ids that hold personal data become
    // the same pseudonyms in the feedback and in accounts.csv / outcomes.csv, so records still join.
    PiiRedactor redactor =
        new PiiRedactor(OriginalTextStore.none(), IdPseudonyms.inFile(workspace.pseudonymKey()));
    String runId = RunIds.next(Instant.now());
    RunReport report;
    try (QuarantineWriter quarantine = new QuarantineWriter(workspace.quarantine(runId), runId)) {
      // Accounts first: the index stage joins each record with its account's segment and plan.
      List<StageReport> side = new ArrayList<>();
      if (options.accounts() != null) {
        side.add(AccountFiles.accounts(options.accounts(), workspace.accounts(), quarantine, redactor::maskId));
      }
      if (options.outcomes() != null) {
        side.add(AccountFiles.outcomes(options.outcomes(), workspace.accounts(), quarantine, redactor::maskId));
      }
      var accounts = AccountFiles.facts(workspace.accounts());
      // Topics: a first run (or --refit-topics) fits on a seeded sample of its inputs before the
      // full pass, so the full pass tags every record at inference speed with the saved model.
      TopicWorkspace topicSpace = new TopicWorkspace(workspace);
      TopicWorkspace.FitOutcome fitted = null;
      long indexedBefore = indexedRecords(workspace);
      if (options.topics().enabled() && (options.topics().refit() || !topicSpace.hasModel())) {
        TopicWorkspace.FitSettings fs = options.topics().fit();
        fitted = topicSpace.fit(topicSpace.sampleInputs(inputs, fs.sample(), fs.seed(), options.workers()), fs)
            .orElse(null);
      }
      var current = options.topics().enabled() ? topicSpace.current() : java.util.Optional.<TopicWorkspace.Current>empty();
      TopicStage topicStage = current.isPresent()
          ? new TopicStage(current.get().tagger(), IndexStage.SCORED_LANGUAGES)
          : TopicStage.none();
      try (FeedbackIndexer indexer =
              FeedbackIndexer.open(workspace.index(), runId, options.commitEvery());
          OriginalTextStore originals =
              options.keepOriginal()
                  ? JsonlOriginalTextStore.open(workspace.root())
                  : OriginalTextStore.none()) {
        if (embedder != null) indexer.vectorModel(embedder.id());
        IndexStage index = new IndexStage(indexer, accounts, embedder);
        Cleaner cleaner = Cleaner.withDefaults();
        report =
            new PipelineRunner(options.workers(), 256)
                .run(runId, inputs, Stages.pipeline(cleaner, redactor.withOriginals(originals), scorer, topicStage, index), quarantine,
                    progress);
        // copies indexed before the record they copy arrived (newest-first exports, racing workers)
        // the cleaner links raw ids; the index holds them as the redactor masked them
        Map<dev.verbatim.pipeline.FeedbackId, dev.verbatim.pipeline.FeedbackId> late = new LinkedHashMap<>();
        cleaner.lateDuplicates().forEach((copy, original) -> late.put(redactor.maskId(copy), redactor.maskId(original)));
        long relinked = indexer.relink(late);
        if (relinked > 0) indexer.commit();
        report = report
            .withExtra("sentiment", sentimentFacts(scorer))
            .withExtra("languages", index.languageMix())
            .withExtra("duplicates_linked", index.duplicates() + relinked);
        if (embedder != null) report = report.withExtra("embedding", index.embedding());
      }
      long retagged = 0;
      if (fitted != null && indexedBefore > 0) {
        retagged = topicSpace.retagIndex(runId); // records of earlier runs get the new model's tags
      }
      report = report.withExtra("topics", topicFacts(current.orElse(null), fitted, topicStage, retagged));
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

  /** The run report's {@code sentiment} entry: which scorer, and its counters (the cascade's share). */
  private static Map<String, Object> sentimentFacts(SentimentScorer scorer) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("scorer", scorer.id());
    m.putAll(new java.util.TreeMap<>(scorer.counters()));
    return m;
  }

  private static Map<String, Object> topicFacts(TopicWorkspace.@Nullable Current current,
      TopicWorkspace.@Nullable FitOutcome fitted, TopicStage stage, long retagged) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (current == null) {
      m.put("model_version", null);
    } else {
      m.put("model_version", current.version());
      m.put("method", current.method());
      m.put("topics", current.tagger().model().topics().size());
    }
    long total = stage.tagged() + stage.untagged();
    m.put("tagged", stage.tagged());
    m.put("untagged", stage.untagged());
    m.put("untagged_share", total == 0 ? 0.0 : Math.round(1000.0 * stage.untagged() / total) / 1000.0);
    if (fitted != null) m.put("fit", fitted.asMap());
    if (retagged > 0) m.put("retagged_from_index", retagged);
    return m;
  }

  private static long indexedRecords(Workspace workspace) {
    if (!Files.isDirectory(workspace.index())) return 0;
    try (FeedbackSearch s = FeedbackSearch.open(workspace.index())) {
      return s.count();
    } catch (IOException | RuntimeException e) {
      return 0; // no index yet
    }
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
          // hidden files (.DS_Store, ._x, .~lock) are the system's, not exports: reading them stopped the run
          files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("input folder " + given + " holds no files (hidden files are skipped)");
      } else {
        files = List.of(given);
      }
      for (Path f : files) {
        FeedbackReader reader =
            options.format() == null ? formats.detect(f) : formats.reader(options.format());
        inputs.add(new Input(SourceFile.of(f), reader));
      }
    }
    if (options.columnMap() != null && inputs.stream().noneMatch(in -> in.reader().format().endsWith("-csv"))) {
      throw new IllegalArgumentException("--map maps CSV columns, but no input is CSV (" + inputs.get(0).file().path()
          + " is " + inputs.get(0).reader().format() + "): drop --map, or give the CSV file");
    }
    return inputs;
  }
}
