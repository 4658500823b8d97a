package dev.verbatim.app.cli;

import dev.verbatim.app.SentimentScorers;
import dev.verbatim.app.SentimentScorers.Name;
import dev.verbatim.app.Workspace;
import dev.verbatim.pipeline.annotate.SentimentEval;
import dev.verbatim.pipeline.annotate.SentimentEval.EvalResult;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim eval sentiment}: measures a sentiment scorer on one or more gold files and prints
 * accuracy, macro-F1, per-class scores, the confusion matrix, ECE and docs/s (issue 3). Register it
 * as a subcommand of {@code eval}.
 */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim eval sentiment --gold ../shared/data/gold/airline.jsonl --scorer fast,corenlp --limit 1000 --json"},
    description = "Measure a sentiment scorer on gold files (shared/formats/gold.md).")
public final class EvalSentimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, split = ",", description = "Gold JSONL file(s).")
  List<Path> gold = new ArrayList<>();

  @Option(
      names = "--scorer",
      defaultValue = "fast",
      split = ",",
      description =
          "fast (default, the lexicon scorer), corenlp, cascade, or learned (the model `validate"
              + " learn` trained on --workspace's reviewer labels); several (fast,corenlp) are"
              + " measured one after the other on each file, in the same run.")
  List<Name> scorers = new ArrayList<>(List.of(Name.fast));

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "Workspace whose label-trained model --scorer learned measures (default: ${DEFAULT-VALUE}).")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--json", description = "Print one JSON object per gold file.")
  boolean json;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--limit",
      description = "Score at most N documents per file, taken evenly across it (for slow scorers).")
  int limit = Integer.MAX_VALUE;

  @Option(
      names = "--cascade-threshold",
      defaultValue = "0.55",
      description = "Cascade: fast confidence below which CoreNLP decides (default ${DEFAULT-VALUE}).")
  double cascadeThreshold;

  @Option(
      names = "--calibrate",
      defaultValue = "0",
      description =
          "Fast/cascade: before scoring, refit the fast scorer's confidence on agreement with"
              + " CoreNLP over N texts of the gold file (labels unused; not timed). 0 = shipped"
              + " calibration.")
  int calibrate;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1 || threads < 1) {
      err.println("eval sentiment: --limit and --threads must be at least 1 (got " + limit + ", " + threads + ")");
      return 2;
    }
    for (Path p : gold) {
      if (!Files.isReadable(p)) {
        err.println("eval sentiment: cannot read gold file " + p);
        return 2;
      }
    }
    var fast = new LexiconSentimentScorer();
    var open = new SentimentScorers(workspace, cascadeThreshold);
    var eval = new SentimentEval();
    for (Path p : gold) {
      LexiconSentimentScorer f = fast;
      if (calibrate > 0) {
        f = fast.calibratedAgainst(open.corenlp(), SentimentEval.sampleTexts(p, calibrate));
      }
      for (Name name : scorers) {
        SentimentScorer s;
        try {
          s = open.open(name, f);
        } catch (IllegalArgumentException e) {
          err.println("eval sentiment: " + e.getMessage());
          return 2;
        }
        EvalResult r = eval.evaluate(p, s, threads, limit);
        out.println(json ? r.toJson() : r.summary());
        out.flush();
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "eval sentiment --scorer %s", scorers);
  }
}
