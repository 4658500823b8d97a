package dev.verbatim.app.cli;

import dev.verbatim.pipeline.annotate.CascadeSentimentScorer;
import dev.verbatim.pipeline.annotate.SentimentEval;
import dev.verbatim.pipeline.annotate.SentimentEval.EvalResult;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.corenlp.CoreNlpSentimentScorer;
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
    description = "Measure a sentiment scorer on gold files (shared/formats/gold.md).")
public final class EvalSentimentCommand implements Callable<Integer> {

  /** Scorers the command can build. */
  enum ScorerName {
    fast,
    corenlp,
    cascade
  }

  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, split = ",", description = "Gold JSONL file(s).")
  List<Path> gold = new ArrayList<>();

  @Option(
      names = "--scorer",
      defaultValue = "fast",
      description = "fast (default, the lexicon scorer), corenlp or cascade.")
  ScorerName scorer = ScorerName.fast;

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
      description = "Cascade: fast confidence below which CoreNLP decides (default 0.55).")
  double cascadeThreshold;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : gold) {
      if (!Files.isReadable(p)) {
        err.println("eval sentiment: cannot read gold file " + p);
        return 2;
      }
    }
    SentimentScorer s = build(scorer, cascadeThreshold);
    var eval = new SentimentEval();
    for (Path p : gold) {
      EvalResult r = eval.evaluate(p, s, Math.max(1, threads), Math.max(1, limit));
      out.println(json ? r.toJson() : r.summary());
      out.flush();
    }
    return 0;
  }

  /** Builds the named scorer; CoreNLP loads its models here (10-20 s). */
  static SentimentScorer build(ScorerName name, double cascadeThreshold) {
    var fast = new LexiconSentimentScorer();
    return switch (name) {
      case fast -> fast;
      case corenlp -> new CoreNlpSentimentScorer(fast, CoreNlpSentimentScorer.Settings.defaults());
      case cascade ->
          new CascadeSentimentScorer(
              fast,
              new CoreNlpSentimentScorer(fast, CoreNlpSentimentScorer.Settings.defaults()),
              cascadeThreshold);
    };
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "eval sentiment --scorer %s", scorer);
  }
}
