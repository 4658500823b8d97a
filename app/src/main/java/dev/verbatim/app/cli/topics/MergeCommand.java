package dev.verbatim.app.cli.topics;

import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code verbatim topics merge}: fold topics into one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge topics into the first one given: it keeps its id and name; the others' records join it.",
      "Exact on the saved model (term counts add up), applied again after every refit, and the",
      "index is re-tagged at once.",
      "",
      "Example:",
      "  ./verbatim topics merge t3 t11 t14     # t11 and t14 go into t3"
    })
final class MergeCommand implements Callable<Integer> {
  @Mixin TopicsCommand.WorkspaceOption ws;

  @Parameters(index = "0", paramLabel = "INTO", description = "the topic that stays")
  String into;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "topics merged into it")
  List<String> from;

  @Override
  public Integer call() throws IOException {
    TopicWorkspace space = new TopicWorkspace(ws.workspace());
    TopicWorkspace.Current current = EditSupport.current(space, ws.dir.toString());
    TopicId target = EditSupport.id(current, into);
    var store = space.taxonomyStore();
    Taxonomy t = store.load();
    for (String f : from) {
      TopicId id = EditSupport.id(current, f);
      if (id.equals(target)) throw new IllegalArgumentException("cannot merge " + f + " into itself");
      t = t.withMerge(id, target);
    }
    store.save(t);
    long n = EditSupport.retag(space, ws.workspace().index());
    System.out.printf(java.util.Locale.ROOT, "merged %s into %s; re-tagged %,d indexed records%n", from, target, n);
    return TopicsCommand.OK;
  }
}
