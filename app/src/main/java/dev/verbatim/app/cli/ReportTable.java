package dev.verbatim.app.cli;

import dev.verbatim.pipeline.run.InputReport;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.pipeline.run.StageReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a run report as a table a person reads at a glance. */
final class ReportTable {
  private ReportTable() {}

  static void print(RunReport r, PrintStream out) {
    out.printf(Locale.ROOT, "Run %s: %d input file(s), %d workers, %.1f s%n", r.runId(),
        r.inputs().size(), r.workers(), r.wallSeconds());
    for (InputReport in : r.inputs()) {
      out.printf(Locale.ROOT, "  %-12s %,9d records  %,7d rejected  %s%n", in.format(), in.records(),
          in.rejected(), in.file());
    }
    out.println();
    out.printf(Locale.ROOT, "  %-10s %10s %10s %10s %9s  %s%n", "stage", "in", "out", "rejected",
        "seconds", "rejected by reason");
    for (StageReport s : r.stages()) {
      out.printf(Locale.ROOT, "  %-10s %,10d %,10d %,10d %9.2f  %s%n", s.name(), s.in(), s.out(),
          s.rejected(), s.seconds(), reasons(s.rejectedByReason()));
    }
    out.println();
    for (var side : r.sideInputs()) {
      out.printf(Locale.ROOT, "  %-10s %,10d %,10d %,10d %9.2f  %s%n", side.name(), side.in(), side.out(),
          side.rejected(), side.seconds(), reasons(side.rejectedByReason()));
    }
    if (!r.sideInputs().isEmpty()) out.println();
    if (r.extra().get("sentiment") instanceof Map<?, ?> s && s.get("scorer") != null) {
      out.print("  sentiment:  " + s.get("scorer"));
      if (s.get("handed_over_share") instanceof Number share) {
        out.printf(Locale.ROOT, ", %.1f%% handed to CoreNLP", 100 * share.doubleValue());
      }
      if (s.get("trained_on_labels") instanceof Number n) {
        out.printf(Locale.ROOT, " (%,d reviewer labels)", n.longValue());
      }
      out.println();
    }
    if (r.extra().get("languages") instanceof Map<?, ?> mix && !mix.isEmpty()) {
      out.println("  languages:  " + mix.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
    if (r.extra().get("duplicates_linked") instanceof Number dups) {
      out.printf(Locale.ROOT, "  near-duplicates linked to an original: %,d%n", dups.longValue());
    }
    if (r.extra().get("topics") instanceof Map<?, ?> t) {
      if (t.get("model_version") == null) {
        out.println("  topics:     no model (too few records with text to fit one); records indexed untagged");
      } else {
        out.printf(Locale.ROOT, "  topics:     model %s, %s topics, %,d records tagged, %.1f%% untagged%s%n",
            t.get("model_version"), t.get("topics"), ((Number) t.get("tagged")).longValue(),
            100 * ((Number) t.get("untagged_share")).doubleValue(),
            t.get("fit") instanceof Map<?, ?> f
                ? String.format(Locale.ROOT, " (fitted this run on %,d sampled records in %.1f s)",
                    ((Number) f.get("records")).longValue(), ((Number) f.get("seconds")).doubleValue())
                : "");
        if (t.get("fit") instanceof Map<?, ?> f && f.get("orphaned_edits") instanceof List<?> lost && !lost.isEmpty()) {
          out.printf(Locale.ROOT, "  WARNING: the refit left %d edit(s) of the taxonomy without their topic"
              + " (kept in taxonomy.json, see topics/refit-%06d.json):%n", lost.size(),
              ((Number) t.get("model_version")).intValue());
          for (Object o : lost) {
            if (o instanceof Map<?, ?> e) {
              out.println("    - " + oneLine(e.get("what_happened")));
              out.println("      to do: " + oneLine(e.get("what_to_do")));
            }
          }
        }
      }
    }
    out.printf(Locale.ROOT, "  quarantine: %s (%,d records)%n", r.quarantine(), r.quarantined());
  }

  /** An analyst's text (a topic name may be in it) on one line, without control characters. */
  private static String oneLine(Object o) {
    return String.valueOf(o).replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]+", " ");
  }

  private static String reasons(Map<String, Long> byReason) {
    return byReason.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
