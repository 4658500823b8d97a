package dev.verbatim.app.cli.topics;

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
    long n = new dev.verbatim.app.TopicEdits(ws.workspace()).merge(into, from);
    System.out.printf(java.util.Locale.ROOT, "merged %s into %s; re-tagged %,d indexed records%n", from, into, n);
    return TopicsCommand.OK;
  }

}
