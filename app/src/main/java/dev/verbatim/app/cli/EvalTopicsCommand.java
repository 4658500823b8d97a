package dev.verbatim.app.cli;

import dev.verbatim.topics.eval.EvalMain;
import dev.verbatim.topics.eval.TopicEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim eval topics}: fits topics on a gold file and scores them against its topic labels. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Fit topics on the records of a gold file that have a `topic` and score them:",
      "NMI and ARI of each record's most probable topic against its gold topic, mean NPMI of",
      "each topic's top-10 terms (document co-occurrence on the same corpus), wall time of the fit.",
      "",
      "Example:",
      "  ./verbatim eval topics --gold ../shared/data/gold/banking77.jsonl --topics gold --baseline --json"
    })
final class EvalTopicsCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, description = "gold file (JSONL, see shared/formats/gold.md)")
  Path gold = Path.of("");

  @Option(names = "--topics", defaultValue = "auto",
      description = "number of topics, 'auto' (chosen by silhouette) or 'gold' (number of gold topics); default ${DEFAULT-VALUE}")
  String topics = "auto";

  @Option(names = "--encoder", defaultValue = "bge-small",
      description = "sentence encoder: bge-small (better topics) or minilm (about 2.5x faster); default ${DEFAULT-VALUE}")
  String encoder = "bge-small";

  @Option(names = "--baseline", description = "also fit the LDA baseline with the same K and print its figures")
  boolean baseline;

  @Option(names = "--mask-leaks", description = "remove label phrases leaked into the airline tweets before fitting")
  boolean maskLeaks;

  @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--show", description = "print each topic: id, size, label, top terms")
  boolean show;

  @Option(names = "--lexical", paramLabel = "W|auto", defaultValue = "auto",
      description = "hybrid representation: k-means over the sentence embedding beside a TF-IDF vector of"
          + " weight W in [0, 1) (auto, the default as in topics fit: 0.5 when records average at least"
          + " 15 tokens, else 0; 0: embeddings alone; topic-model/README.md)")
  String lexical = "auto";

  @Option(names = "--json", description = "print one JSON object per method: {\"n\",\"topics\",\"nmi\",\"ari\",\"npmi\",\"seconds\",\"method\"}")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(gold)) throw new IllegalArgumentException("no gold file at " + gold);
    if (!topics.equals("auto") && !topics.equals("gold")) {
      try {
        if (Integer.parseInt(topics) < 1) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--topics must be a positive number, 'auto' or 'gold', not '" + topics + "'");
      }
    }
    double w;
    try {
      w = lexical.equals("auto") ? -1 : Double.parseDouble(lexical);
      if (w != -1 && !(w >= 0 && w < 1)) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--lexical must be a weight in [0, 1) or 'auto', not '" + lexical + "'");
    }
    List<TopicEvaluation.Result> results = EvalMain.run(gold, topics, encoder, baseline ? "both" : "kmeans",
        maskLeaks, seed, null, show ? System.out : null, null, w);
    for (TopicEvaluation.Result r : results) {
      if (json) {
        System.out.println(r.toJson());
      } else {
        System.out.printf(Locale.ROOT, "%-32s n=%d topics=%d NMI=%.3f ARI=%.3f NPMI=%.3f %.1fs%n",
            r.method(), r.n(), r.topics(), r.nmi(), r.ari(), r.npmi(), r.seconds());
      }
    }
    return ExitCodes.OK;
  }
}
