package dev.verbatim.app.cli.topics;

import dev.verbatim.app.RunIds;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.store.TaxonomyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verbatim topics seed}: themes analysts know about, before discovery. */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Add seeded themes from a JSON or YAML file: each has a name, seed phrases and/or a search",
      "query (its best hits become seed phrases), and optionally a parent (two levels at most).",
      "Each theme starts a cluster and names the topic it attracts; discovery finds the rest.",
      "Themes of the same name are replaced. Then refits on the index and re-tags it (unless",
      "--no-refit, or the workspace has no index yet: the next run fits with them).",
      "",
      "themes.yaml:",
      "  - name: Billing",
      "    seeds: [invoice, charge, refund]",
      "  - name: Double charges",
      "    parent: Billing",
      "    seeds: [\"charged twice\", \"double charge\"]",
      "  - name: Bank sync",
      "    query: 'bank AND (sync OR connect)'",
      "",
      "Example:",
      "  ./verbatim topics seed --file themes.yaml"
    })
final class SeedCommand implements Callable<Integer> {
  @Mixin TopicsCommand.WorkspaceOption ws;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "themes, .json or .yaml/.yml")
  Path file;

  @Option(names = "--no-refit", description = "only save the themes; the next fit uses them")
  boolean noRefit;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the sample and the fit (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such file: " + file);
    List<Theme> themes = TaxonomyStore.readThemes(file);
    checkQueries(themes);
    TopicWorkspace space = new TopicWorkspace(ws.workspace());
    var store = space.taxonomyStore();
    store.save(store.load().withThemes(themes));
    System.out.println("saved " + themes.size() + " theme(s) in " + ws.workspace().topics().resolve("taxonomy.json"));
    if (noRefit || !Files.isDirectory(ws.workspace().index())) return TopicsCommand.OK;
    TopicWorkspace.Refit r = space.refitFromIndex(new TopicWorkspace.FitSettings(0, space.currentEncoder(), seed,
        10_000), RunIds.next(Instant.now()));
    System.out.println(Printing.summary(r.fit()));
    System.out.printf(java.util.Locale.ROOT, "re-tagged %,d indexed records%n", r.retagged());
    return TopicsCommand.OK;
  }

  /**
   * Runs each theme's query on the index before anything is saved: a query that does not parse,
   * once in the taxonomy, would make every later fit fail.
   */
  private void checkQueries(List<Theme> themes) throws IOException {
    if (themes.stream().allMatch(t -> t.query() == null) || !Files.isDirectory(ws.workspace().index())) return;
    FeedbackSearch opened;
    try {
      opened = FeedbackSearch.open(ws.workspace().index());
    } catch (IOException e) {
      return; // an index folder without a commit yet: the fit skips queries then too
    }
    try (FeedbackSearch search = opened) {
      for (Theme t : themes) {
        if (t.query() == null) continue;
        try {
          search.search(t.query(), 1);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": theme '" + t.name() + "': " + e.getMessage(), e);
        }
      }
    }
  }
}
