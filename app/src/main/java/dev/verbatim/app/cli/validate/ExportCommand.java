package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.io.Exchange;
import dev.verbatim.validation.io.Format;
import dev.verbatim.validation.io.LabelStudio;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim validate export}: writes a sample's items and labels. */
@Command(name = "export", mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim validate export --format label-studio --out tasks.json"},
    description = {
      "Write a sample's items (id, text, machine label, topics, weight) with their labels.",
      "  jsonl          one item per line",
      "  csv            one row per item and reviewer",
      "  label-studio   Label Studio tasks with predictions and annotations (--label-config prints its config)"
    })
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or label-studio (default: ${DEFAULT-VALUE})")
  String format = "jsonl";

  @Option(names = "--sample", description = "sample id (default: the newest)")
  @Nullable Long sample;

  @Option(names = {"--out", "-o"}, description = "output file (default: standard output)")
  @Nullable Path out;

  @Option(names = "--label-config", description = "print the Label Studio labelling config and exit")
  boolean labelConfig;

  @Override
  public Integer call() throws IOException {
    if (labelConfig) {
      System.out.print(LabelStudio.LABEL_CONFIG);
      return ValidateCommand.OK;
    }
    Format f = Format.parse(format).orElseThrow(() -> new IllegalArgumentException(
        "unknown format '" + format + "'; use jsonl, csv or label-studio"));
    try (ReviewQueue q = Cli.open(workspace)) {
      long s = Cli.sampleOrLatest(q, sample);
      int n;
      if (out == null) {
        Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        n = new Exchange(Clock.systemUTC()).export(q, s, f, w);
        w.flush();
      } else {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          n = new Exchange(Clock.systemUTC()).export(q, s, f, w);
        }
        System.err.printf("%d items of sample %d written to %s%n", n, s, out);
      }
    }
    return ValidateCommand.OK;
  }
}
