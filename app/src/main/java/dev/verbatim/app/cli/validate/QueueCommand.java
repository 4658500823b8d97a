package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.queue.QueueStatus;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.queue.SampleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim validate queue}: the samples in the queue and how far their review is. */
@Command(name = "queue", mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim validate queue --workspace verbatim-data"},
    description = "List the samples in the review queue with their progress.")
final class QueueCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--json", description = "print as JSON")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (ReviewQueue q = Cli.open(workspace)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SampleInfo s : q.samples()) {
        QueueStatus st = q.status(s.id());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sample", s.id());
        row.put("strategy", s.strategy().wire());
        row.put("seed", s.seed());
        row.put("items", st.items());
        row.put("labels_done", st.labelsDone());
        row.put("labels_required", st.labelsRequired());
        row.put("leased", st.leased());
        row.put("flagged", st.flagged());
        row.put("skipped", st.skipped());
        row.put("reviewers", st.reviewers());
        row.put("created", s.created().toString());
        rows.add(row);
      }
      if (json) {
        System.out.println(Cli.json(rows, false));
        return ValidateCommand.OK;
      }
      if (rows.isEmpty()) {
        System.out.println("no samples yet; draw one with `validate sample`");
        return ValidateCommand.OK;
      }
      System.out.printf(Locale.ROOT, "%-7s %-13s %6s %6s %12s %7s %8s %8s %10s%n",
          "sample", "strategy", "seed", "items", "labels", "leased", "flagged", "skipped", "reviewers");
      for (Map<String, Object> r : rows) {
        System.out.printf(Locale.ROOT, "%-7s %-13s %6s %6s %12s %7s %8s %8s %10s%n", r.get("sample"), r.get("strategy"),
            r.get("seed"), r.get("items"), r.get("labels_done") + "/" + r.get("labels_required"), r.get("leased"),
            r.get("flagged"), r.get("skipped"), r.get("reviewers"));
      }
    }
    return ValidateCommand.OK;
  }
}
