package dev.verbatim.app.cli;

import dev.verbatim.app.HeapSampler;
import dev.verbatim.app.PipelineRun;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.app.Workspace;
import dev.verbatim.app.demo.DemoCorpus;
import dev.verbatim.app.demo.DemoSettings;
import dev.verbatim.pipeline.annotate.AnnotateStage;
import dev.verbatim.app.SentimentScorers;
import dev.verbatim.app.SentimentScorers.Name;
import dev.verbatim.pipeline.annotate.RuleBasedAnnotator;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.ingest.JsonlFeedbackReader;
import dev.verbatim.pipeline.redact.PiiRedactor;
import dev.verbatim.pipeline.ingest.SourceFile;
import dev.verbatim.pipeline.run.Input;
import dev.verbatim.pipeline.run.Pipeline;
import dev.verbatim.pipeline.run.PipelineRunner;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.pipeline.run.QuarantineWriter;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.pipeline.run.StageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verbatim bench}: measures ingest and every pipeline stage on generated records and prints
 * records/s and peak heap. A benchmark, not a test: figures vary with the machine.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the pipeline on generated canonical JSONL records: first ingest alone (parse and",
      "validate), then a topic fit on a seeded sample (as a first run does), then the whole pipeline",
      "(ingest, clean, redact, annotate, topics, index) into a scratch workspace.",
      "Prints records/s per stage and the peak heap of each phase. Run it with a small heap",
      "(VERBATIM_JAVA_OPTS=-Xmx512m) to see that memory does not grow with the record count.",
      "With --scorer, also runs ingest, clean, redact and annotate (no index) once per scorer named,",
      "on all --records records (fast) or the first --scorer-records (corenlp, cascade); reports annotate records/s, peak heap (CoreNLP",
      "loaded) and the scorer's counters (the cascade's share handed to CoreNLP).",
      "",
      "Examples:",
      "  VERBATIM_JAVA_OPTS=-Xmx512m ./verbatim bench --records 1000000",
      "  VERBATIM_JAVA_OPTS=-Xmx3g ./verbatim bench --records 20000 --ingest-only --scorer fast,corenlp,cascade --scorer-records 2000"
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--records", defaultValue = "1000000", description = "records to generate (default: ${DEFAULT-VALUE})")
  long records = 1_000_000;

  @Option(names = "--workers", description = "worker threads (default: one per core)")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--dir", description = "scratch folder (default: a new temporary folder, deleted after)")
  Path dir;

  @Option(names = "--ingest-only", description = "skip the whole-pipeline phase")
  boolean ingestOnly;

  @Option(names = "--no-topics", description = "skip the topic fit and the topics stage")
  boolean noTopics;

  @Option(names = "--topic-sample", defaultValue = "10000", paramLabel = "N",
      description = "records the topic fit samples from the generated ones (default: ${DEFAULT-VALUE})")
  int topicSample = 10_000;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(names = "--scorer", split = ",", description = "also measure annotate with these scorers: fast, corenlp, cascade (e.g. fast,corenlp)")
  List<Name> scorers = new ArrayList<>();

  @Option(names = "--scorer-records", defaultValue = "2000", description = "records for the corenlp and cascade phases (CoreNLP does ~60/s per core; default: ${DEFAULT-VALUE})")
  long scorerRecords = 2000;

  @Option(names = "--cascade-threshold", defaultValue = "0.55", description = "cascade: fast confidence below which CoreNLP decides (default: ${DEFAULT-VALUE})")
  double cascadeThreshold = 0.55;

  @Override
  public Integer call() throws IOException {
    boolean temporary = dir == null;
    Path scratch = temporary ? Files.createTempDirectory("verbatim-bench") : dir;
    Files.createDirectories(scratch);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("records", records);
    figures.put("workers", workers);
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    try {
      Path input = scratch.resolve("bench.jsonl");
      long t0 = System.nanoTime();
      DemoCorpus.writeCanonicalJsonl(DemoSettings.defaults(), input, records);
      double genSeconds = (System.nanoTime() - t0) / 1e9;
      figures.put("generate_seconds", round(genSeconds));
      figures.put("input_mib", Files.size(input) >> 20);
      log("generated %,d records (%,d MiB) in %.1f s", records, Files.size(input) >> 20, genSeconds);

      figures.put("ingest", phase("ingest", () -> {
        try (QuarantineWriter q = new QuarantineWriter(scratch.resolve("ingest-quarantine.jsonl"), "bench")) {
          return new PipelineRunner(workers, 256).run("bench-ingest",
              List.of(new Input(SourceFile.of(input), new JsonlFeedbackReader())), Pipeline.start(), q,
              ProgressListener.NONE);
        }
      }));
      if (!ingestOnly) {
        Workspace ws = new Workspace(scratch.resolve("workspace"));
        if (!noTopics) figures.put("topics_fit", topicFit(ws, input));
        PipelineRun.Options options =
            new PipelineRun.Options(List.of(input), "jsonl", null, null, null, workers, 250_000, false);
        if (noTopics) options = options.withTopics(PipelineRun.TopicOptions.off());
        PipelineRun.Options run = options;
        figures.put("pipeline", phase("pipeline", () -> PipelineRun.execute(ws, run, ProgressListener.NONE)));
        ((Map<String, Object>) figures.get("pipeline")).put("index_mib", size(ws.index()) >> 20);
      }
      if (!scorers.isEmpty()) {
        figures.put("annotate", annotatePhases(scratch, input));
      }
    } finally {
      if (temporary) deleteTree(scratch);
    }
    if (json) System.out.println(Json.write(figures, true));
    return ExitCodes.OK;
  }

  /**
   * One phase per named scorer: ingest, clean, redact, annotate, on all records for the fast scorer
   * and on the first {@code scorerRecords} for the others. CoreNLP is loaded before the phase starts (so the phase's peak heap
   * includes its models) and shared by corenlp and cascade.
   */
  private List<Map<String, Object>> annotatePhases(Path scratch, Path input) throws IOException {
    Path part = scratch.resolve("annotate.jsonl");
    try (var lines = Files.lines(input); var w = Files.newBufferedWriter(part)) {
      for (String line : (Iterable<String>) lines.limit(scorerRecords)::iterator) {
        w.write(line);
        w.newLine();
      }
    }
    var open = new SentimentScorers(null, cascadeThreshold);
    boolean coreLoaded = false;
    List<Map<String, Object>> out = new ArrayList<>();
    Map<Name, Double> perThread = new LinkedHashMap<>();
    for (Name name : scorers) {
      if (name == Name.learned) {
        throw new IllegalArgumentException("bench --scorer learned: a label-trained model belongs to a workspace;"
            + " measure it with `eval sentiment --scorer learned --workspace DIR` on a labelled file");
      }
      if (!coreLoaded && (name == Name.corenlp || name == Name.cascade)) {
        long t0 = System.nanoTime();
        open.corenlp();
        coreLoaded = true;
        log("%nloaded CoreNLP in %.1f s", (System.nanoTime() - t0) / 1e9);
      }
      SentimentScorer scorer = open.open(name);
      var pipeline = Pipeline.start().then(Cleaner.withDefaults()).then(new PiiRedactor())
          .then(new AnnotateStage(new RuleBasedAnnotator(), scorer));
      Map<String, Object> f = phase("annotate-" + name, () -> {
        try (QuarantineWriter q = new QuarantineWriter(scratch.resolve("annotate-" + name + "-quarantine.jsonl"), "bench")) {
          return new PipelineRunner(workers, 256).run("bench-annotate-" + name,
              List.of(new Input(SourceFile.of(name == Name.fast ? input : part), new JsonlFeedbackReader())), pipeline, q,
              ProgressListener.NONE);
        }
      });
      f.put("scorer", name.name());
      f.put("scorer_id", scorer.id());
      Object annotateRate = null;
      for (Object st : (List<?>) f.get("stages")) {
        Map<?, ?> m = (Map<?, ?>) st;
        if ("annotate".equals(m.get("name"))) {
          annotateRate = m.get("records_per_thread_second");
        }
      }
      if (annotateRate instanceof Number n) {
        double perSecond = n.doubleValue() * workers; // all workers busy annotating
        f.put("annotate_records_per_second", Math.round(perSecond));
        perThread.put(name, perSecond);
        log("  annotate with %s: %,.0f records/s on %d workers (records per thread-second x workers)",
            name, perSecond, workers);
      }
      if (!scorer.counters().isEmpty()) {
        f.put("counters", new java.util.TreeMap<>(scorer.counters()));
        log("  counters: %s", new java.util.TreeMap<>(scorer.counters()));
      }
      out.add(f);
    }
    Double fastRate = perThread.get(Name.fast);
    Double coreRate = perThread.get(Name.corenlp);
    if (fastRate != null && coreRate != null && coreRate > 0) {
      Map<String, Object> ratio = new LinkedHashMap<>();
      ratio.put("fast_over_corenlp", round(fastRate / coreRate));
      out.add(ratio);
      log("%nfast / corenlp annotate throughput: %.0fx", fastRate / coreRate);
    }
    return out;
  }

  /**
   * Fits topics the way a first run does (a seeded sample read from every generated record, then the
   * embedding fit and the distilled inference model), so the pipeline phase infers with it.
   */
  private Map<String, Object> topicFit(Workspace ws, Path input) throws IOException {
    System.gc();
    TopicWorkspace topics = new TopicWorkspace(ws);
    TopicWorkspace.FitSettings settings = new TopicWorkspace.FitSettings(0, "minilm", 42, topicSample);
    Map<String, Object> out = new LinkedHashMap<>();
    try (HeapSampler heap = HeapSampler.start(10)) {
      long t0 = System.nanoTime();
      List<dev.verbatim.topics.TopicDocument> docs = topics.sampleInputs(
          List.of(new Input(SourceFile.of(input), new JsonlFeedbackReader())), settings.sample(), settings.seed(), workers);
      double sampleSeconds = (System.nanoTime() - t0) / 1e9;
      TopicWorkspace.FitOutcome fit = topics.fit(docs, settings).orElseThrow();
      out.put("sample_seconds", round(sampleSeconds));
      out.put("records", fit.records());
      out.put("topics", fit.topics());
      out.put("fit_seconds", round(fit.seconds()));
      out.put("agreement", round(fit.agreement()));
      out.put("peak_heap_mib", heap.peakBytes() >> 20);
    }
    log("%ntopics fit: sampled %,d records from %,d in %.1f s; fitted %d topics in %.1f s (inference model agrees"
        + " on %.1f%%), peak heap %,d MiB", out.get("records"), records, out.get("sample_seconds"), out.get("topics"),
        out.get("fit_seconds"), 100 * (double) out.get("agreement"), out.get("peak_heap_mib"));
    return out;
  }

  private interface Phase {
    RunReport run() throws IOException;
  }

  private Map<String, Object> phase(String name, Phase phase) throws IOException {
    System.gc();
    RunReport report;
    long peak;
    try (HeapSampler heap = HeapSampler.start(10)) {
      report = phase.run();
      peak = heap.peakBytes();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    double wall = report.wallSeconds();
    long in = report.stages().get(0).in();
    out.put("wall_seconds", round(wall));
    out.put("records_per_second", Math.round(in / wall));
    out.put("peak_heap_mib", peak >> 20);
    List<Map<String, Object>> stages = new ArrayList<>();
    log("%n%s: %,d records in %.1f s = %,.0f records/s on %d workers, peak heap %,d MiB", name, in, wall,
        in / wall, workers, peak >> 20);
    log("  %-8s %12s %14s %22s", "stage", "records", "thread-seconds", "records/s per thread");
    for (StageReport s : report.stages()) {
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("name", s.name());
      st.put("records", s.in());
      st.put("thread_seconds", round(s.seconds()));
      st.put("records_per_thread_second", s.seconds() == 0 ? null : Math.round(s.in() / s.seconds()));
      stages.add(st);
      log("  %-8s %,12d %14.2f %,22.0f", s.name(), s.in(), s.seconds(),
          s.seconds() == 0 ? 0 : s.in() / s.seconds());
    }
    out.put("stages", stages);
    return out;
  }

  private void log(String format, Object... args) {
    (json ? System.err : System.out).println(String.format(Locale.ROOT, format, args));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
