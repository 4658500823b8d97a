package dev.verbatim.app.cli;

import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.Hit;
import dev.verbatim.index.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verbatim search}: finds records in the workspace's index. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the redacted feedback of a workspace with Lucene query syntax:",
      "words (all must match), \"phrases\", OR, NOT, field:value (channel, source, account, language).",
      "",
      "Example:",
      "  ./verbatim search '\"charged twice\" AND channel:ticket' --limit 5"
    })
final class SearchCommand implements Callable<Integer> {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Parameters(index = "0", arity = "0..1", defaultValue = "", description = "the query; empty matches everything")
  String query = "";

  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--limit", defaultValue = "10", description = "hits to show (default: ${DEFAULT-VALUE})")
  int limit = 10;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Workspace ws = new Workspace(workspace);
    SearchResult result;
    try (FeedbackSearch search = FeedbackSearch.open(ws.index())) {
      result = search.search(query, limit);
    }
    if (json) {
      System.out.println(Json.write(result, false));
      return ExitCodes.OK;
    }
    System.out.printf(Locale.ROOT, "%,d records match%n%n", result.total());
    for (Hit h : result.hits()) {
      System.out.printf(Locale.ROOT, "%s  %-6s %s/%s%s%n", DAY.format(h.eventTime()), h.channel(),
          h.source(), h.id(), h.accountId() == null ? "" : "  account " + h.accountId());
      System.out.println("  " + Terminal.snippet(h.text(), 240));
      System.out.println();
    }
    return ExitCodes.OK;
  }
}
