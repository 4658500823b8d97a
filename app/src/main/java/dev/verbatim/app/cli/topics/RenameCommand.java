package dev.verbatim.app.cli.topics;

import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code verbatim topics rename}: an analyst's name for a topic, kept across refits. */
@Command(
    name = "rename",
    mixinStandardHelpOptions = true,
    description = {
      "Give a topic the name analysts use. Saved in <workspace>/topics/taxonomy.json by topic id,",
      "so it survives refits (ids are stable). Nothing is re-tagged: ids do not change.",
      "",
      "Example:",
      "  ./verbatim topics rename t3 \"Charged twice\""
    })
final class RenameCommand implements Callable<Integer> {
  @Mixin TopicsCommand.WorkspaceOption ws;

  @Parameters(index = "0", paramLabel = "ID", description = "the topic id, e.g. t3")
  String id;

  @Parameters(index = "1", paramLabel = "NAME", description = "the new name")
  String name;

  @Override
  public Integer call() throws IOException {
    if (name.isBlank()) throw new IllegalArgumentException("the new name is blank");
    if (name.length() > 120) throw new IllegalArgumentException("the new name is longer than 120 characters");
    TopicWorkspace space = new TopicWorkspace(ws.workspace());
    TopicId topic = EditSupport.id(EditSupport.current(space, ws.dir.toString()), id);
    var store = space.taxonomyStore();
    store.save(store.load().withRename(topic, name.strip()));
    System.out.println("renamed " + topic + " to \"" + Printing.safe(name, 120) + "\"");
    return TopicsCommand.OK;
  }
}
