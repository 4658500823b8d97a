package dev.verbatim.app.cli.topics;

import dev.verbatim.app.RunIds;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.time.Instant;
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
    TopicWorkspace space = new TopicWorkspace(ws.workspace());
    TopicWorkspace.Current current = EditSupport.current(space, ws.dir.toString());
    TopicId topic = EditSupport.id(current, id);
    if (space.taxonomyStore().load().merges().containsKey(topic)) {
      throw new IllegalArgumentException(topic + " is merged into another topic; split that one instead");
    }
    var store = space.taxonomyStore();
    TopicId part = TopicId.of(space.snapshots().latestLexical(space.analyzer()).orElseThrow().nextId());
    store.save(store.load().withSplit(topic, part));
    TopicWorkspace.Refit r = space.refitFromIndex(new TopicWorkspace.FitSettings(0, space.currentEncoder(), seed,
        10_000), RunIds.next(Instant.now()));
    boolean done = space.current().orElseThrow().tagger().model().topics().stream().anyMatch(t -> t.id().equals(part));
    System.out.println(Printing.summary(r.fit()));
    System.out.println(done
        ? "split " + topic + ": the smaller part is " + part + "; re-tagged " + r.retagged() + " indexed records"
        : "the refit left " + topic + " too small to split (fewer than 4 sampled records); the split is kept in the"
            + " taxonomy and will apply when a refit finds enough records");
    return TopicsCommand.OK;
  }
}
