package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.estimate.ClassScores;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.estimate.Interval;
import dev.verbatim.validation.estimate.ValidationStats;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.queue.SampleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim validate stats}: accuracy, macro-F1, agreement with intervals from the labels. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim validate stats --json"},
    description = {
      "Print how right the machine's sentiment and topics are, from reviewer labels, with 95%% intervals,",
      "and how much reviewers agree (Cohen's kappa, Krippendorff's alpha) on the items labelled twice.",
      "Stratified samples are weighted back to the whole population; other samples describe themselves."
    })
final class StatsCommand implements Callable<Integer> {
  private static final String[] LABELS = {"negative", "neutral", "positive"};

  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--sample", description = "sample id (default: the newest)")
  @Nullable Long sample;

  @Option(names = "--json", description = "print as JSON")
  boolean json;

  @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap replicates for macro-F1 (default: ${DEFAULT-VALUE})")
  int bootstrap = 1000;

  @Override
  public Integer call() throws IOException {
    ValidationStats st;
    SampleInfo info;
    try (ReviewQueue q = Cli.open(workspace)) {
      long s = Cli.sampleOrLatest(q, sample);
      info = q.sample(s).orElseThrow();
      st = ValidationStats.compute(q.labeled(s), q.strata(s), info.strategy(), new Estimator(0.95, bootstrap, seed));
    }
    if (json) {
      System.out.println(Cli.json(st.summary(info), false));
      return ValidateCommand.OK;
    }
    System.out.printf(Locale.ROOT, "sample %d (%s, seed %d): %d labelled items%n", info.id(), info.strategy().wire(),
        info.seed(), st.labels());
    if (st.labels() == 0) {
      System.out.println("no labels yet: ./verbatim validate label --reviewer YOUR-NAME");
      return ValidateCommand.OK;
    }
    System.out.println(st.scope().equals("population")
        ? "weighted back to the whole population (stratified sample)"
        : "describes the labelled items only (not a random sample of the population)");
    System.out.printf(Locale.ROOT, "  sentiment accuracy  %s%n", fmt(st.accuracy()));
    System.out.printf(Locale.ROOT, "  macro-F1            %s%n", fmt(st.macroF1()));
    for (Map.Entry<String, ClassScores> e : st.perClass().entrySet()) {
      ClassScores c = e.getValue();
      System.out.printf(Locale.ROOT, "    %-9s precision %.3f  recall %.3f  F1 %.3f%n", e.getKey(), c.precision(),
          c.recall(), c.f1());
    }
    System.out.println("  confusion (rows: reviewers, columns: machine)");
    System.out.printf(Locale.ROOT, "    %-9s %10s %10s %10s%n", "", LABELS[0], LABELS[1], LABELS[2]);
    List<List<Double>> rows = st.confusion();
    for (int i = 0; i < rows.size(); i++) {
      System.out.printf(Locale.ROOT, "    %-9s %10.0f %10.0f %10.0f%n", LABELS[i], rows.get(i).get(0), rows.get(i).get(1),
          rows.get(i).get(2));
    }
    for (Map.Entry<String, Interval> t : st.topicPrecision().entrySet()) {
      System.out.printf(Locale.ROOT, "  topic %-20s precision %s%n", t.getKey(), fmt(t.getValue()));
    }
    System.out.printf(Locale.ROOT, "  agreement on %d items: kappa %s, alpha %s%n", st.agreementItems(),
        st.kappa() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", st.kappa()),
        st.alpha() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", st.alpha()));
    System.out.printf(Locale.ROOT, "  flagged %d, PII left unmasked %d%n", st.flagged(), st.piiUnmasked());
    return ValidateCommand.OK;
  }

  private static String fmt(Interval i) {
    return String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]", i.estimate(), i.low(), i.high());
  }
}
