package dev.verbatim.app.cli.topics;

import dev.verbatim.app.RunIds;
import dev.verbatim.app.TopicWorkspace;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verbatim topics fit}: refits on a sample of the index and re-tags every record. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Refit topics on a seeded sample of the indexed records, keep topic ids stable (new topics are",
      "matched to the current ones), apply the taxonomy (seeded themes, renames, merges, splits),",
      "save model-NNNNNN.json and refit-NNNNNN.json in <workspace>/topics/, and re-tag the index.",
      "Once analysts have renamed, merged or split topics, K stays the current model's unless --topics",
      "is given (a new K re-cuts every topic). Edits whose topic the refit lost stay in taxonomy.json and",
      "are listed (in the output, refit-NNNNNN.json and topics show) with what to do.",
      "",
      "Example:",
      "  ./verbatim topics fit --topics 20 --seed 7 --workspace verbatim-data"
    })
final class FitCommand implements Callable<Integer> {
  @Mixin TopicsCommand.WorkspaceOption ws;

  @Option(names = "--topics", paramLabel = "K", description = "number of topics (default: the current model's if the taxonomy has renames, merges or splits, else chosen by silhouette in 8-60)")
  int topics;

  @Option(names = "--encoder", paramLabel = "NAME",
      description = "minilm or bge-small (default: the current model's, else minilm)")
  String encoder;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the sample and the fit (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--sample", defaultValue = "10000", paramLabel = "N",
      description = "records sampled from the index (default: ${DEFAULT-VALUE})")
  int sample = 10_000;

  @Override
  public Integer call() throws IOException {
    TopicWorkspace topicsSpace = new TopicWorkspace(ws.workspace());
    String enc = encoder == null ? topicsSpace.currentEncoder() : encoder;
    TopicWorkspace.Refit r = topicsSpace.refitFromIndex(new TopicWorkspace.FitSettings(topics, enc, seed, sample),
        RunIds.next(Instant.now()));
    System.out.println(Printing.summary(r.fit()));
    System.out.printf(java.util.Locale.ROOT, "re-tagged %,d indexed records; see them with: ./verbatim topics show --workspace %s%n",
        r.retagged(), ws.dir);
    return TopicsCommand.OK;
  }
}
