package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.io.Exchange;
import dev.verbatim.validation.io.Format;
import dev.verbatim.validation.io.ImportResult;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim validate import}: reads labels made elsewhere into the queue. */
@Command(name = "import", mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim validate import --format jsonl labels.jsonl"},
    description = {
      "Read labels into a sample, matched by record id. JSONL lines: {\"id\", \"reviewer\", \"sentiment\"}",
      "plus optional topic_verdicts, corrected_topic, pii_unmasked, flagged, note, created. CSV: the same header",
      "names. label-studio: a Label Studio JSON export of tasks made by `validate export --format label-studio`.",
      "Lines that cannot be imported are listed with what to fix; exit code 2 if there are any."
    })
final class ImportCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or label-studio (default: ${DEFAULT-VALUE})")
  String format = "jsonl";

  @Option(names = "--sample", description = "sample id (default: the newest)")
  @Nullable Long sample;

  @Parameters(index = "0", description = "the file to read")
  Path file = Path.of("labels.jsonl");

  @Override
  public Integer call() throws IOException {
    Format f = Format.parse(format).orElseThrow(() -> new IllegalArgumentException(
        "unknown format '" + format + "'; use jsonl, csv or label-studio"));
    ImportResult r;
    long s;
    try (ReviewQueue q = Cli.open(workspace); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      s = Cli.sampleOrLatest(q, sample);
      r = new Exchange(Clock.systemUTC()).importLabels(q, s, f, in);
    }
    System.out.printf("%d labels imported into sample %d%s%n", r.imported(), s,
        r.unchanged() == 0 ? "" : "; " + r.unchanged() + " left out: the reviewer's current label already says the same");
    int shown = 0;
    for (String p : r.problems()) {
      if (shown++ == 20) {
        System.err.printf("... and %d more%n", r.problems().size() - 20);
        break;
      }
      System.err.println("not imported: " + p);
    }
    return r.problems().isEmpty() ? ValidateCommand.OK : ValidateCommand.USAGE;
  }
}
