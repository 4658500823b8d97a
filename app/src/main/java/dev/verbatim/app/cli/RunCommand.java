package dev.verbatim.app.cli;

import dev.verbatim.app.SentimentScorers;
import dev.verbatim.app.PipelineRun;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.app.Workspace;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim run}: processes the user's own files into a workspace. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline on your files: ingest -> clean -> redact -> annotate -> topics -> index.",
      "The first run on a workspace fits topics on a seeded sample of the inputs; later runs reuse the model.",
      "Formats are detected from each file (or forced with --format): jsonl (the canonical record),",
      "chat-jsonl, zendesk, intercom, reviews-csv, survey-csv. A folder means every file in it but hidden ones (.DS_Store).",
      "Rejected records go to <workspace>/quarantine/<run-id>.jsonl with their reason;",
      "the report goes to <workspace>/runs/<run-id>.json.",
      "",
      "Example:",
      "  ./verbatim run --input tickets.json --input reviews.csv --accounts accounts.csv \\",
      "      --outcomes outcomes.csv --workspace verbatim-data",
      "  ./verbatim run --input tickets.json --embed      # also for: search --semantic \"can't link my bank\""
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, split = ",", paramLabel = "PATH",
      description = "input file or folder; repeat or separate with commas")
  List<Path> inputs = List.of();

  @Option(names = "--format", paramLabel = "NAME",
      description = "force one format for every input: jsonl, chat-jsonl, zendesk, intercom, reviews-csv, survey-csv")
  String format;

  @Option(names = "--map", paramLabel = "SPEC",
      description = "CSV column mapping for other layouts, e.g. text=Comment,rating=Stars,time=Date,id=RowId")
  String columnMap;

  @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv (account_id, start_date, segment, plan, arr)")
  Path accounts;

  @Option(names = "--outcomes", paramLabel = "FILE", description = "outcomes.csv (account_id, type, event_date, arr_change)")
  Path outcomes;

  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, paramLabel = "DIR",
      description = "where results go (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--workers", paramLabel = "N", description = "worker threads (default: one per core)")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--keep-original",
      description = "also keep the unmasked customer text in <workspace>/originals/originals.jsonl"
          + " (off by default; never in the index): only if you must")
  boolean keepOriginal;

  @Option(names = "--embed", arity = "0..1", fallbackValue = "", paramLabel = "MODEL",
      description = "also embed every record for semantic search (search --semantic, --like):"
          + " minilm (default, ~160 records per CPU-second on demo records) or bge-small (~2.5x"
          + " slower): far slower than the rest of the run. Once the index has embeddings, later runs"
          + " keep embedding with its model (a bare --embed means that model too)")
  String embed;

  @Option(names = "--no-embed",
      description = "do not embed, even though the index has embeddings (records this run writes are left"
          + " out of semantic search until `./verbatim embed`)")
  boolean noEmbed;

  @Option(names = "--refit-topics",
      description = "fit topics anew on a sample of these inputs (ids kept stable, refit report in <workspace>/topics/);"
          + " by default the first run fits and later runs infer with the saved model")
  boolean refitTopics;

  @Option(names = "--topics", paramLabel = "K", description = "number of topics when fitting (default: chosen by silhouette; a refit keeps the current K if the taxonomy has renames, merges or splits)")
  int topics;

  @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "minilm",
      description = "sentence encoder when fitting topics: minilm or bge-small (default: ${DEFAULT-VALUE})")
  String encoder = "minilm";

  @Option(names = "--scorer", paramLabel = "NAME", defaultValue = "fast",
      description = "sentiment scorer: fast (default, the lexicon: best on accuracy and speed together),"
          + " corenlp (Stanford CoreNLP, ~100x slower), cascade (fast, handing documents it is unsure of"
          + " to CoreNLP), learned (the model `validate learn` trained on this workspace's reviewer"
          + " labels; encodes every text, a few hundred records/s)")
  SentimentScorers.Name scorer = SentimentScorers.Name.fast;

  @Option(names = "--no-topics", description = "skip topic assignment (records are indexed untagged)")
  boolean noTopics;

  @Option(names = "--json", description = "print the run report as JSON on stdout instead of a table")
  boolean json;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PipelineRun.Options options =
        new PipelineRun.Options(
            inputs, format, columnMap, accounts, outcomes, workers, 50_000, keepOriginal,
            new PipelineRun.TopicOptions(!noTopics, refitTopics,
                new TopicWorkspace.FitSettings(topics, encoder, 42, TopicWorkspace.FitSettings.defaults().sample())),
            scorer);
    if (embed != null && noEmbed) throw new IllegalArgumentException("--embed and --no-embed contradict each other");
    String model = embed == null || embed.isEmpty() ? null : embed;
    if (model == null && !noEmbed) {
      model = indexedModel(new Workspace(workspace));
      if (model != null && embed == null) {
        System.err.println("The index has embeddings from " + model + ": embedding this run's records too, at"
            + " a few hundred records per second, far slower than the rest of the run (--no-embed to skip;"
            + " `./verbatim embed` catches up later).");
      }
      if (model == null && embed != null) model = "minilm"; // a bare --embed on a new index
    }
    RunReport report;
    OnnxSentenceEncoder embedder =
        model == null ? null : new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.parse(model), 1);
    try (TerminalProgress progress = TerminalProgress.start("run", quiet || json)) {
      report = PipelineRun.execute(new Workspace(workspace), options, progress, embedder);
    } finally {
      if (embedder != null) embedder.close();
    }
    if (json) {
      System.out.println(Json.write(report, false));
    } else {
      ReportTable.print(report, System.out);
      if (report.extra().get("embedding") instanceof java.util.Map<?, ?> e && !e.isEmpty()) {
        System.out.printf(java.util.Locale.ROOT,
            "  embedded %s records with %s: %s s of encoder time, %s records per encoder-second%n",
            e.get("records"), e.get("model"), e.get("encoder_seconds"), e.get("records_per_encoder_second"));
      }
      System.out.println();
      System.out.println("Next: ./verbatim search 'your words' --workspace " + workspace);
    }
    return ExitCodes.OK;
  }

  /** The model of the index's embeddings, or null if it has none (or no index yet). */
  private static @org.jspecify.annotations.Nullable String indexedModel(Workspace ws) {
    try {
      return dev.verbatim.app.Embeddings.coverage(ws).model();
    } catch (IOException e) {
      return null; // no index yet: a first run
    }
  }
}
