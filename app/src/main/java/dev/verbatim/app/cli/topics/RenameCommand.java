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
    TopicWorkspace space = new TopicWorkspace(ws.workspace());
    TopicWorkspace.Current current = EditSupport.current(space, ws.dir.toString());
    TopicId topic = EditSupport.id(current, id);
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (dev.verbatim.topics.Topic t : current.tagger().model().topics()) labels.put(t.id().value(), t.label());
    String label = dev.verbatim.app.TopicEdits.checkLabel(id, name, labels);
    var store = space.taxonomyStore();
    store.save(store.load().withRename(topic, label));
    System.out.println("renamed " + topic + " to \"" + Printing.safe(name, 120) + "\"");
    return TopicsCommand.OK;
  }
}
