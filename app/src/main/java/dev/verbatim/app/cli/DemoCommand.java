package dev.verbatim.app.cli;

import dev.verbatim.app.PipelineRun;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.store.TaxonomyStore;
import dev.verbatim.app.Workspace;
import dev.verbatim.app.demo.DemoCorpus;
import dev.verbatim.app.demo.PlantedTopics;
import java.nio.file.Files;
import java.util.Locale;
import dev.verbatim.app.demo.DemoSettings;
import dev.verbatim.app.server.ServerOptions;
import dev.verbatim.pipeline.run.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim demo}: generates the demo corpus and runs the whole pipeline on it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the bundled demo corpus (tickets, chats, reviews, a survey, accounts and outcomes",
      "of a fictional fintech app, 12 months, with planted effects), run the whole pipeline on it,",
      "and print where the results are and what to try next.",
      "",
      "Example:",
      "  ./verbatim demo --no-serve --workspace demo-data"
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, paramLabel = "DIR",
      description = "where results go (default: ${DEFAULT-VALUE}); the corpus goes to DIR/demo-input")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--records", paramLabel = "N", description = "feedback records to generate (default: the generator's, about 20,000)")
  Integer records;

  @Option(names = "--no-serve", description = "stop after the run instead of starting the web UI on the results")
  boolean noServe;

  @Option(names = "--port", defaultValue = "7070", description = "port of the web UI (default: ${DEFAULT-VALUE})")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(names = "--json", description = "print the run report as JSON on stdout")
  boolean json;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  /**
   * Writes the starter taxonomy to {@code demo-input/themes.yaml} and seeds the workspace with it
   * (unless the workspace's taxonomy already has themes), so the demo's first fit names the planted
   * themes; discovery still finds the others.
   */
  private static void seedStarterTaxonomy(Path corpus, Workspace ws) throws IOException {
    Path file = corpus.resolve("themes.yaml");
    try (var in = DemoCommand.class.getResourceAsStream("/demo/themes.yaml")) {
      if (in == null) throw new IllegalStateException("demo/themes.yaml is missing from the jar");
      Files.write(file, in.readAllBytes());
    }
    TaxonomyStore store = new TopicWorkspace(ws).taxonomyStore();
    Taxonomy t = store.load();
    if (t.themes().isEmpty()) store.save(t.withThemes(TaxonomyStore.readThemes(file)));
  }

  /** Prints how well the topics recover the planted themes (the trends work depends on it). */
  private static void printPlantedTopics(Path corpus, Workspace ws) throws IOException {
    if (!Files.isRegularFile(corpus.resolve("demo-labels.jsonl")) || !Files.isDirectory(ws.index())) return;
    System.out.println();
    System.out.println("  planted theme           records  best topic  precision  recall");
    for (PlantedTopics.Match m : PlantedTopics.measure(corpus.resolve("demo-labels.jsonl"), ws.index())) {
      if (!PlantedTopics.PLANTED.contains(m.theme())) continue;
      System.out.printf(Locale.ROOT, "  %-22s %8d  %-10s  %9.2f  %6.2f%n", m.theme(), m.records(),
          m.topic() == null ? "-" : m.topic(), m.precision(), m.recall());
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Workspace ws = new Workspace(workspace);
    Path corpus = workspace.resolve("demo-input");
    DemoSettings settings = DemoSettings.defaults().withSeed(seed);
    if (records != null) settings = settings.withRecords(records);
    if (!json) System.out.println("Generating the demo corpus in " + corpus + " ...");
    DemoCorpus.generate(settings, corpus);

    seedStarterTaxonomy(corpus, ws);
    PipelineRun.Options options =
        new PipelineRun.Options(
            Stream.of("tickets.json", "chats.json", "reviews.csv", "survey.csv")
                .map(corpus::resolve)
                .toList(),
            null,
            null,
            corpus.resolve("accounts.csv"),
            corpus.resolve("outcomes.csv"),
            Runtime.getRuntime().availableProcessors(),
            50_000,
            false)
            // a 5,000-record sample: the demo's tickets are long, and 5,000 already hold every theme
            .withTopics(new PipelineRun.TopicOptions(true, false, new TopicWorkspace.FitSettings(0, "minilm", seed, 5_000)));
    RunReport report;
    try (TerminalProgress progress = TerminalProgress.start("demo", quiet || json)) {
      report = PipelineRun.execute(ws, options, progress);
    }
    Path friction = ws.reports().resolve("friction.html");
    dev.verbatim.app.cli.report.FrictionCommand.write(ws, dev.verbatim.trends.TrendSettings.defaults(), friction, "html");
    dev.verbatim.app.cli.report.FrictionCommand.write(
        ws, dev.verbatim.trends.TrendSettings.defaults(), ws.reports().resolve("friction.json"), "json");
    if (json) {
      System.out.println(Json.write(report, false));
      if (!noServe) ServeCommand.serve(ws, ServerOptions.local(port), System.err);
      return ExitCodes.OK;
    }
    ReportTable.print(report, System.out);
    printPlantedTopics(corpus, ws);
    System.out.printf(
        "%nResults are in %s:%n"
            + "  index/        the searchable, redacted feedback%n"
            + "  runs/%s.json  this run's report%n"
            + "  quarantine/   the rejected records with their reasons (the demo plants some on purpose)%n"
            + "  demo-input/   the generated exports; demo-input/planted-truth.json lists what was planted%n%n"
            + "Try next:%n"
            + "  ./verbatim search '\"charged twice\"' --workspace %s%n"
            + "  ./verbatim search 'bank AND connect' --workspace %s --limit 5%n"
            + "  ./verbatim topics show --workspace %s%n"
            + "  ./verbatim run --input YOUR_FILE --workspace my-data%n"
            + "  ./verbatim serve --workspace %s%n",
        workspace, report.runId(), workspace, workspace, workspace, workspace);
    System.out.printf("%nFriction report: %s%n", friction.toAbsolutePath());
    if (!noServe) {
      System.out.println();
      ServeCommand.serve(ws, ServerOptions.local(port), System.out);
    }
    return ExitCodes.OK;
  }
}
