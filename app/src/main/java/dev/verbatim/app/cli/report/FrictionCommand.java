package dev.verbatim.app.cli.report;

import dev.verbatim.app.Workspace;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.estimate.Interval;
import dev.verbatim.validation.estimate.ValidationStats;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.queue.SampleInfo;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.trends.IndexTrendSource;
import dev.verbatim.trends.TrendSettings;
import dev.verbatim.trends.report.CsvReport;
import dev.verbatim.trends.report.FrictionAnalysis;
import dev.verbatim.trends.report.FrictionReport;
import dev.verbatim.trends.report.HtmlReport;
import dev.verbatim.trends.report.JsonReport;
import dev.verbatim.trends.report.SentimentAccuracy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim report friction}: writes the friction report of a workspace. */
@Command(
    name = "friction",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the friction report: which topics grow, which cost customers (churn) or win them",
      "(expansion), NPS/CSAT impact, and what customers said. Reads the workspace's index and the",
      "accounts/outcomes given to `verbatim run --accounts --outcomes`.",
      "",
      "Examples:",
      "  ./verbatim report friction --since 2026-01-01 --out friction.html",
      "  ./verbatim report friction --format json --out friction.json",
    })
public final class FrictionCommand implements Callable<Integer> {
  @Option(names = "--since", paramLabel = "DATE", description = "first day of the period (ISO date; default: the first day with feedback)")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "DATE", description = "last day of the period, inclusive (default: the last day with feedback)")
  @Nullable String until;

  @Option(names = "--window-days", defaultValue = "90", paramLabel = "N",
      description = "an account raised a topic if it did so in the N days before its outcome (default: ${DEFAULT-VALUE})")
  int windowDays = 90;

  @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", description = "html, json or csv (default: ${DEFAULT-VALUE})")
  String format = "html";

  @Option(names = "--out", paramLabel = "FILE",
      description = "where to write the report (default: WORKSPACE/reports/friction.FORMAT, which the web UI serves)")
  @Nullable Path out;

  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Override
  public Integer call() throws IOException {
    TrendSettings settings = TrendSettings.defaults().withPeriod(date(since, "--since"), date(until, "--until")).withWindowDays(windowDays);
    Workspace ws = new Workspace(workspace);
    Path out = this.out != null ? this.out
        : ws.reports().resolve("friction." + format.strip().toLowerCase(Locale.ROOT));
    FrictionReport report = write(ws, settings, out, format);
    System.out.printf(Locale.ROOT, "Friction report (%s, %s to %s, %,d records, %d topics) written to %s%n",
        format, report.since(), report.until(), report.records(), report.topics().size(), out.toAbsolutePath());
    return 0;
  }

  /**
   * Builds the report of {@code ws} and writes it to {@code out} in {@code format} (html, json or csv).
   *
   * @throws IllegalArgumentException for an unknown format or an empty workspace, saying what to do
   */
  public static FrictionReport write(Workspace ws, TrendSettings settings, Path out, String format) throws IOException {
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("html") && !f.equals("json") && !f.equals("csv")) {
      throw new IllegalArgumentException("unknown --format '" + format + "': use html, json or csv");
    }
    if (!Files.isDirectory(ws.index())) {
      throw new IllegalArgumentException("no index in " + ws.root() + ": run `verbatim run --input ... --workspace " + ws.root() + "` first");
    }
    WorkspaceAccounts accounts = WorkspaceAccounts.read(ws.accounts());
    FrictionReport report;
    try (FeedbackSearch search = FeedbackSearch.open(ws.index())) {
      report = FrictionAnalysis.run(new IndexTrendSource(search), accounts.accounts(), accounts.outcomes(),
          topicLabels(ws), settings, sentimentAccuracy(ws));
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    switch (f) {
      case "html" -> Files.writeString(out, HtmlReport.render(report), StandardCharsets.UTF_8);
      case "json" -> {
        try (OutputStream o = Files.newOutputStream(out)) {
          JsonReport.write(report, o);
        }
      }
      default -> {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          CsvReport.write(report, w);
        }
      }
    }
    return report;
  }

  /**
   * Topic names by id for the report: the labels of the current topic model, overridden by the
   * analysts' renames in {@code topics/taxonomy.json}; a topic without a name shows its id.
   */
  static Map<String, String> topicLabels(Workspace ws) throws IOException {
    Map<String, String> labels = new java.util.HashMap<>();
    dev.verbatim.app.TopicWorkspace topics = new dev.verbatim.app.TopicWorkspace(ws);
    topics.current().ifPresent(c -> c.tagger().model().topics()
        .forEach(t -> labels.put(t.id().value(), t.label())));
    topics.taxonomyStore().load().renames().forEach((id, label) -> labels.put(id.value(), label));
    return labels;
  }

  /**
   * The measured sentiment accuracy to show beside sentiment figures: {@code validate stats} of the
   * newest review sample that has labels, preferring a stratified one (its estimate holds for the
   * whole population); {@code null} (shown as "not measured") when nobody has labelled yet.
   */
  static @Nullable SentimentAccuracy sentimentAccuracy(Workspace ws) throws IOException {
    if (!Files.isRegularFile(ws.validationDb())) return null;
    try (ReviewQueue q = ReviewQueue.open(ws.validationDb())) {
      List<SampleInfo> samples = new java.util.ArrayList<>(q.samples());
      samples.sort(java.util.Comparator
          .comparing((SampleInfo i) -> i.strategy() != Strategy.STRATIFIED)
          .thenComparing(SampleInfo::id, java.util.Comparator.reverseOrder()));
      for (SampleInfo info : samples) {
        ValidationStats st = ValidationStats.compute(
            q.labeled(info.id()), q.strata(info.id()), info.strategy(), new Estimator(0.95, 200, 1));
        if (st.labels() == 0) continue;
        Interval a = st.accuracy();
        String basis = "reviewer labels, sample " + info.id() + " (" + info.strategy().wire() + "; "
            + (st.scope().equals("population") ? "weighted to all records" : "describes the labelled items only")
            + "), validate stats";
        return new SentimentAccuracy(a.estimate(), a.low(), a.high(), st.labels(), basis);
      }
    }
    return null;
  }

  static @Nullable LocalDate date(@Nullable String text, String option) {
    if (text == null || text.isBlank()) return null;
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not an ISO date such as 2026-01-31");
    }
  }
}
