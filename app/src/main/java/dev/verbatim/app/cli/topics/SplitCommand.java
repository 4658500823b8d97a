package dev.verbatim.app.cli.topics;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim topics split}: break a topic in two. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Split a topic in two: its records are re-clustered (2-means over their sentence embeddings)",
      "and the smaller part gets a new id. This needs the records' embeddings, so it refits on a",
      "sample of the index (ids stay stable) and re-tags the index; the split is kept in the",
      "taxonomy and done again after every refit.",
      "",
      "Example:",
      "  ./verbatim topics split t5"
    })
final class SplitCommand implements Callable<Integer> {
  @Mixin TopicsCommand.WorkspaceOption ws;

  @Parameters(paramLabel = "ID", description = "the topic to split")
  String id;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the sample and the fit (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() throws IOException {
    dev.verbatim.app.TopicEdits.Split r = new dev.verbatim.app.TopicEdits(ws.workspace()).split(id, seed);
    System.out.println(Printing.summary(r.fit()));
    boolean lost = r.fit().orphaned().stream().anyMatch(o ->
        o.kind() == dev.verbatim.topics.fit.OrphanedEdit.Kind.SPLIT && o.topic().value().equals(id));
    System.out.println(r.done()
        ? "split " + id + ": the smaller part is " + r.part() + "; re-tagged " + r.retagged() + " indexed records"
        : lost
            ? "the refit no longer has " + id + " (see the warning above), so it was not split; the split is kept in"
                + " the taxonomy and applies if a refit brings " + id + " back"
            : "the refit left " + id + " too small to split (fewer than 4 sampled records); the split is kept in the"
                + " taxonomy and will apply when a refit finds enough records");
    return TopicsCommand.OK;
  }

}
