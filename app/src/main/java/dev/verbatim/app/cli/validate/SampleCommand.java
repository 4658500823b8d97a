package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.io.PopulationFile;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampleSize;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.Turn;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verbatim validate sample}: draws a sample into the review queue. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a reproducible sample of scored records into the review queue.",
      "  stratified    random within channel x predicted sentiment x topic; estimates the whole population",
      "  uncertainty   the records the scorer is least sure of",
      "  disagreement  records where two scorers (or topic and seeded theme) disagree",
      "  query         the hits of a search query (--query) or an id list (--ids)",
      "Samples come from the workspace's index (every scored record of the runs; --population FILE instead).",
      "",
      "  ./verbatim validate sample --strategy stratified --margin 0.05 --seed 1",
      "  ./verbatim validate sample --strategy query --query 'refund* AND sentiment:negative AND event_time:[2026-03-01 TO 2026-03-31]' --n 100",
      "  ./verbatim validate sample --strategy disagreement --second corenlp --pool 1500 --n 100"
    })
final class SampleCommand implements Callable<Integer> {
  @ParentCommand ValidateCommand parent;

  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--strategy", defaultValue = "stratified", description = "stratified, uncertainty, disagreement or query (default: ${DEFAULT-VALUE})")
  String strategy = "stratified";

  @Option(names = "--n", description = "sample size; default: from --margin")
  @Nullable Integer n;

  @Option(names = "--margin", defaultValue = "0.05", description = "wanted 95%% interval half-width of accuracy, sets the size when --n is absent (default: ${DEFAULT-VALUE})")
  double margin = 0.05;

  @Option(names = "--seed", defaultValue = "1", description = "random seed, recorded with the sample (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--overlap", defaultValue = "0.1", description = "share of items labelled by two reviewers, for agreement (default: ${DEFAULT-VALUE})")
  double overlap = 0.1;

  @Option(names = "--query", description = "search query for --strategy query")
  @Nullable String query;

  @Option(names = "--ids", description = "file with one record id per line, for --strategy query")
  @Nullable Path ids;

  @Option(names = "--population", description = "scored records as JSONL (id, text, predicted, channel, score, confidence, topics) instead of the workspace's index")
  @Nullable Path population;

  @Option(names = "--second", defaultValue = "auto", description = "second scorer for --strategy disagreement: learned (the `validate learn` model), corenlp, or auto (learned if trained, else corenlp) (default: ${DEFAULT-VALUE})")
  String second = "auto";

  @Option(names = "--pool", description = "for --strategy disagreement: how many records (seeded random) the second scorer reads; default all for learned, 2000 for corenlp")
  @Nullable Integer pool;

  @Override
  public Integer call() throws IOException {
    Strategy st = Strategy.parse(strategy).orElseThrow(() -> new IllegalArgumentException(
        "unknown strategy '" + strategy + "'; use stratified, uncertainty, disagreement or query"));
    if (n != null && n < 1) {
      // checked first: later it read "nothing to sample: the query matched no record", with no query given
      throw new IllegalArgumentException("--n must be at least 1, got " + n + " (leave it out to size the sample from --margin)");
    }
    List<PopulationRecord> records;
    boolean fromWorkspace = population == null;
    if (population != null) {
      List<String> problems = new ArrayList<>();
      records = PopulationFile.read(population, problems);
      if (!problems.isEmpty()) {
        System.err.printf(Locale.ROOT, "%d lines of %s skipped, first: %s%n", problems.size(), population, problems.get(0));
      }
    } else {
      records = parent.wiring().population().open(workspace).records();
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("the population is empty: run the pipeline first, or pass --population");
    }
    List<String> targets = List.of();
    if (st == Strategy.QUERY) {
      if (ids != null) {
        targets = Files.readAllLines(ids, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      } else if (query != null) {
        targets = parent.wiring().search().ids(workspace, query);
      } else {
        throw new IllegalArgumentException("--strategy query needs --query Q or --ids FILE");
      }
    }
    String secondName = null;
    if (st == Strategy.DISAGREEMENT && records.stream().allMatch(r -> r.secondOpinion() == null && r.seededTheme() == null)) {
      ValidateCommand.SecondOpinion opinion = parent.wiring().second().open(workspace, second);
      int poolSize = Math.min(records.size(), pool != null ? Math.max(1, pool) : opinion.defaultPool());
      records = withSecondOpinions(records, opinion, poolSize, seed);
      secondName = opinion.name() + " on " + String.format(Locale.ROOT, "%,d", poolSize) + " records";
    }
    int size = n != null ? n : SampleSize.forMargin(margin, st == Strategy.QUERY ? targets.size() : records.size());
    if (size < 1) {
      throw new IllegalArgumentException("nothing to sample: the query matched no record");
    }
    SamplePlan plan = new SamplePlan(st, size, seed, overlap, targets);
    Sample sample = new Sampler().draw(records, plan);
    if (fromWorkspace) {
      sample = withTurns(sample, parent.wiring().turns().of(workspace,
          sample.items().stream().map(i -> i.record().id()).toList()));
    }
    if (sample.items().isEmpty()) {
      throw new IllegalArgumentException("the " + st.wire() + " strategy found no record to sample"
          + (st == Strategy.DISAGREEMENT ? " (no second opinion or seeded theme disagrees)" : ""));
    }
    long id;
    try (ReviewQueue q = Cli.open(workspace)) {
      id = q.addSample(sample);
    }
    long overlapItems = sample.items().stream().filter(i -> i.overlap()).count();
    System.out.printf(Locale.ROOT, "sample %d: %d items (%s, seed %d) from %,d records, %d strata, %d labelled twice%n",
        id, sample.items().size(), st.wire(), seed, records.size(), sample.strata().size(), overlapItems);
    if (secondName != null) {
      System.out.println("second opinion: " + secondName);
    }
    if (!st.representative()) {
      System.out.println("note: a " + st.wire() + " sample describes itself, not the whole population;"
          + " use --strategy stratified for population accuracy");
    }
    System.out.println("next: ./verbatim validate label --reviewer YOUR-NAME");
    return ValidateCommand.OK;
  }

  /**
   * The population with a second scorer's label on a seeded random pool of {@code poolSize}
   * records (all when the pool is the population); the others keep none and are not candidates.
   */
  static List<PopulationRecord> withSecondOpinions(List<PopulationRecord> records, ValidateCommand.SecondOpinion opinion,
      int poolSize, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      order.add(i);
    }
    if (poolSize < records.size()) {
      Collections.shuffle(order, new Random(seed ^ 0x5ec0_0d0bL));
    }
    List<PopulationRecord> out = new ArrayList<>(records);
    for (int i : order.subList(0, poolSize)) {
      PopulationRecord r = records.get(i);
      out.set(i, r.withSecondOpinion(opinion.label(r)));
    }
    return out;
  }

  /** The sample with each item's conversation turns (context for reviewers). */
  static Sample withTurns(Sample sample, Map<String, List<Turn>> turns) {
    if (turns.isEmpty()) {
      return sample;
    }
    List<SampledItem> items = new ArrayList<>();
    for (SampledItem it : sample.items()) {
      List<Turn> t = turns.get(it.record().id());
      items.add(t == null ? it : new SampledItem(it.record().withTurns(t), it.stratum(), it.weight(), it.overlap()));
    }
    return new Sample(sample.plan(), sample.populationSize(), sample.strata(), items);
  }
}
