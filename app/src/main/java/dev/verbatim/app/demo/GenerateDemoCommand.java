package dev.verbatim.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim generate-demo}: writes the demo corpus (or, with {@code --canonical-jsonl N}, N
 * canonical JSONL records for benchmarks). Exit code 0 on success, 1 if a file cannot be written, 2
 * for bad options (picocli).
 */
@Command(
    name = "generate-demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the realistic demo corpus: Zendesk tickets, Intercom chats, Google Play reviews, an NPS"
          + " survey, accounts, outcomes, per-record labels and the planted truth (growth, churn and"
          + " expansion themes, a segment confounder, PII, malformed rows).",
      "With --canonical-jsonl N, write N canonical feedback records as one JSONL file instead (benchmarks).",
    },
    footer = {
      "",
      "Examples:",
      "  verbatim generate-demo --out demo-data",
      "  verbatim generate-demo --out null-corpus --seed 7 --no-effects",
      "  verbatim generate-demo --out bench --canonical-jsonl 1000000 --json",
    })
public final class GenerateDemoCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-data",
      description = "Folder to write into (created if missing). Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("demo-data");

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files. Default: ${DEFAULT-VALUE}.")
  long seed = 42;

  @Option(names = "--records", defaultValue = "21000",
      description = "Feedback records over the four channels (>= 1000). Default: ${DEFAULT-VALUE}.")
  int records = 21_000;

  @Option(names = "--accounts", defaultValue = "400", description = "Customer accounts (>= 50). Default: ${DEFAULT-VALUE}.")
  int accounts = 400;

  @Option(names = "--no-effects", description = "Plant no growth, churn, expansion or confounder effect (null corpus).")
  boolean noEffects;

  @Option(names = "--canonical-jsonl", paramLabel = "N",
      description = "Write N canonical JSONL records to DIR/feedback-N.jsonl instead of the demo exports.")
  @Nullable Long canonical;

  @Option(names = "--json", description = "Print the result as JSON on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    DemoSettings settings;
    try {
      settings = DemoSettings.defaults().withSeed(seed).withRecords(records).withAccounts(accounts)
          .withPlantedEffects(!noEffects);
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw usageError("--out " + out + " is a file, not a folder: name a folder to write into (created if missing)");
    }
    PrintWriter stdout = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
    if (canonical != null) {
      if (canonical < 0) throw usageError("--canonical-jsonl must be >= 0, got " + canonical);
      Path file = out.resolve("feedback-" + canonical + ".jsonl");
      long t0 = System.nanoTime();
      long n = DemoCorpus.writeCanonicalJsonl(settings, file, canonical);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double rate = seconds > 0 ? n / seconds : 0;
      if (json) {
        var m = new ObjectMapper();
        var node = m.createObjectNode();
        node.put("file", file.toString());
        node.put("records", n);
        node.put("seconds", Math.round(seconds * 1000) / 1000.0);
        node.put("records_per_second", Math.round(rate));
        stdout.println(m.writeValueAsString(node));
      } else {
        stdout.printf(Locale.ROOT, "wrote %,d canonical records to %s in %.2f s (%,.0f records/s)%n", n, file, seconds, rate);
      }
      stdout.flush();
      return 0;
    }
    DemoManifest manifest = DemoCorpus.generate(settings, out);
    if (json) {
      var m = DemoCorpus.truthMapper().copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
      var node = m.createObjectNode();
      node.put("dir", manifest.dir().toString());
      var files = node.putArray("files");
      for (DemoManifest.WrittenFile f : manifest.files()) files.addObject().put("name", f.name()).put("records", f.records());
      node.set("truth", m.valueToTree(manifest.truth()));
      stdout.println(m.writeValueAsString(node));
    } else {
      stdout.printf(Locale.ROOT, "demo corpus written to %s%n", manifest.dir());
      for (DemoManifest.WrittenFile f : manifest.files()) {
        stdout.printf(Locale.ROOT, "  %-20s %,8d%n", f.name(), f.records());
      }
      PlantedTruth t = manifest.truth();
      stdout.printf(Locale.ROOT, "planted effects: %s; %,d valid feedback records, %,d malformed, %,d PII values%n",
          t.plantedEffects() ? "on" : "off (null corpus)", t.validFeedbackRecords(),
          t.feedbackRecords() - t.validFeedbackRecords(), t.pii().get("total"));
      stdout.printf(Locale.ROOT, "truth: %s (see PLANTED.md beside the generator)%n", manifest.dir().resolve("planted-truth.json"));
    }
    stdout.flush();
    return 0;
  }

  /** A bad option value: picocli prints the message and the usage, and exits with code 2. */
  private RuntimeException usageError(String message) {
    if (spec == null) return new IllegalArgumentException(message);
    return new ParameterException(spec.commandLine(), message);
  }
}
