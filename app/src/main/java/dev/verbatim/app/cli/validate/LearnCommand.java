package dev.verbatim.app.cli.validate;

import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.app.LabelTrainedScorer;
import dev.verbatim.app.SentimentScorers;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.io.PopulationFile;
import dev.verbatim.validation.learn.SentimentLearner;
import dev.verbatim.validation.estimate.Interval;
import dev.verbatim.validation.estimate.SentimentEstimate;
import dev.verbatim.validation.learn.Evaluation;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import dev.verbatim.validation.learn.LearnReport;
import dev.verbatim.topics.store.TaxonomyStore;
import dev.verbatim.validation.learn.TaxonomyFeedback;
import dev.verbatim.validation.learn.TopicCorrection;
import dev.verbatim.validation.learn.TrainingExample;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.queue.SampleInfo;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbatim validate learn}: trains a sentiment model on the reviewers' labels, shows the
 * before / after on labels held out from training, then trains on all labels and saves the model
 * in the workspace; writes the reviewers' topic corrections for the taxonomy.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
    footer = {"", "Examples:", "  ./verbatim validate learn --held-out 0.2 --seed 1",
        "  ./verbatim validate learn --self-train --taxonomy"},
    description = {
      "Learn from reviewer labels: retrain (words, sentence embeddings and the base scorer's output; with",
      "--self-train also the unlabelled records of the workspace) or recalibrate (--recalibrate)",
      "the sentiment model. Prints before / after on held-out labels with 95%% intervals, then saves the model",
      "trained on all labels to WORKSPACE/models/sentiment-labels.json, and the topic corrections to",
      "WORKSPACE/topics/corrections.jsonl. Corrected topics named by at least --min-records records become",
      "themes with seed phrases in WORKSPACE/topics/taxonomy.json with --taxonomy (the topic model's file)."
    })
final class LearnCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--sample", description = "learn from one sample only (default: all samples)")
  @Nullable Long sample;

  @Option(names = "--held-out", defaultValue = "0.2", description = "share of labels held out for the before / after (default: ${DEFAULT-VALUE})")
  double heldOut = 0.2;

  @Option(names = "--seed", defaultValue = "1", description = "split and training seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--recalibrate", description = "use only the base scorer's label, score and confidence (no words)")
  boolean recalibrate;

  @Option(names = "--self-train", description = "also learn from the unlabelled population (pseudo-labels the model is sure of)")
  boolean selfTrain;

  @Option(names = "--rounds", defaultValue = "3", description = "self-training rounds (default: ${DEFAULT-VALUE})")
  int rounds = 3;

  @Option(names = "--unlabeled-max", defaultValue = "20000", description = "at most this many unlabelled records (seeded random) for --self-train (default: ${DEFAULT-VALUE})")
  int unlabeledMax = 20000;

  @Option(names = "--no-embeddings", description = "words and the base scorer only: no sentence embeddings (faster, weaker)")
  boolean noEmbeddings;

  @Option(names = "--population", description = "scored records as JSONL for --self-train, instead of the workspace's")
  @Nullable Path population;

  @ParentCommand ValidateCommand parent;

  @Option(names = "--dry-run", description = "measure only; save nothing")
  boolean dryRun;

  @Option(names = "--json", description = "print the before / after as JSON")
  boolean json;

  @Option(names = "--taxonomy", description = "write the reviewers' corrected topics into WORKSPACE/topics/taxonomy.json as themes and seed phrases (default: only show the proposed edits)")
  boolean taxonomy;

  @Option(names = "--min-records", defaultValue = "3", description = "records a corrected topic, and each of its seed phrases, needs before it edits the taxonomy (default: ${DEFAULT-VALUE})")
  int minRecords = 3;

  @Override
  public Integer call() throws IOException {
    List<TrainingExample> examples = new ArrayList<>();
    List<TopicCorrection> corrections = new ArrayList<>();
    Map<String, TrainingExample> byRecord = new LinkedHashMap<>();
    Map<String, String> textById = new LinkedHashMap<>();
    try (ReviewQueue q = Cli.open(workspace)) {
      List<Long> samples = new ArrayList<>();
      if (sample != null) {
        samples.add(Cli.sampleOrLatest(q, sample));
      } else {
        q.samples().stream().map(SampleInfo::id).forEach(samples::add);
      }
      for (long s : samples) {
        List<LabeledItem> items = q.labeled(s);
        corrections.addAll(TopicCorrection.collect(items));
        for (LabeledItem li : items) {
          textById.put(li.item().recordId(), li.item().text());
          li.reference().ifPresent(l -> byRecord.put(li.item().recordId(),
              new TrainingExample(fastBase(li.item().record().scored()), java.util.Objects.requireNonNull(l.sentiment()))));
        }
      }
    }
    examples.addAll(byRecord.values()); // one label per record: the latest sample's reference label
    if (examples.size() < 20) {
      throw new IllegalArgumentException("only " + examples.size() + " labelled records; label at least 20"
          + " (a few hundred for a useful model) with `validate label`");
    }
    LabelTrainedSentiment.Options options = recalibrate
        ? LabelTrainedSentiment.Options.defaults().withTextFeatures(false).withSeed(seed)
        : (noEmbeddings ? LabelTrainedSentiment.Options.defaults() : LabelTrainedSentiment.Options.recommended())
            .withSeed(seed);
    List<ScoredText> unlabeled = new ArrayList<>();
    if (selfTrain) {
      List<PopulationRecord> records = population != null
          ? PopulationFile.read(population, new ArrayList<>())
          : parent.wiring().population().open(workspace).records();
      for (PopulationRecord r : records) {
        if (!byRecord.containsKey(r.id())) {
          unlabeled.add(fastBase(r.scored()));
        }
      }
      if (unlabeled.size() > unlabeledMax) { // a seeded random share: self-training cost grows with it
        java.util.Collections.shuffle(unlabeled, new java.util.Random(seed));
        unlabeled.subList(unlabeledMax, unlabeled.size()).clear();
      }
    }
    List<String> texts = new ArrayList<>();
    examples.forEach(e -> texts.add(e.input().text()));
    unlabeled.forEach(u -> texts.add(u.text()));
    LabelTrainedSentiment.prepare(texts, options); // sentence embeddings in parallel batches
    LabelTrainedSentiment.Options opts = options;
    SentimentLearner learner = selfTrain
        ? labels -> LabelTrainedSentiment.selfTrain(labels, unlabeled, LabelTrainedSentiment.SELF_MIN_CONFIDENCE,
            LabelTrainedSentiment.SELF_WEIGHT, rounds, opts)
        : LabelTrainedSentiment.learner(options);
    LearnReport report = Evaluation.beforeAfter(examples, learner, heldOut, seed, Estimator.defaults());
    Path model = SentimentScorers.learnedModel(workspace);
    Path topics = workspace.resolve("topics").resolve("corrections.jsonl");
    TaxonomyStore store = new TaxonomyStore(workspace.resolve("topics"));
    TaxonomyFeedback.Update update = TaxonomyFeedback.apply(store.load(), corrections, textById, minRecords);
    boolean taxonomyChanged = !update.taxonomy().themes().equals(store.load().themes());
    if (!dryRun && taxonomy && taxonomyChanged) {
      store.save(update.taxonomy());
    }
    if (!dryRun) {
      (selfTrain ? LabelTrainedSentiment.selfTrain(examples, unlabeled, LabelTrainedSentiment.SELF_MIN_CONFIDENCE,
          LabelTrainedSentiment.SELF_WEIGHT, rounds, options)
          : LabelTrainedSentiment.train(examples, options)).save(model);
      Files.createDirectories(topics.getParent());
      try (Writer w = Files.newBufferedWriter(topics, StandardCharsets.UTF_8)) {
        for (TopicCorrection c : corrections) {
          w.write(Cli.json(c, false));
          w.write('\n');
        }
      }
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("labels", examples.size());
      m.put("report", report);
      m.put("model", dryRun ? null : model.toString());
      m.put("topic_corrections", corrections.size());
      m.put("taxonomy_changes", update.changes());
      m.put("taxonomy_written", !dryRun && taxonomy && taxonomyChanged);
      System.out.println(Cli.json(m, false));
      return ValidateCommand.OK;
    }
    System.out.printf(Locale.ROOT, "%d labelled records: trained on %d, measured on %d held out (seed %d)%n",
        examples.size(), report.trainLabels(), report.heldOutLabels(), seed);
    line("before (base scorer)", report.before());
    line(recalibrate ? "after (recalibrated)" : "after (retrained)", report.after());
    if (dryRun) {
      System.out.println("dry run: nothing saved");
    } else {
      System.out.printf(Locale.ROOT, "model trained on all %d labels saved to %s%n", examples.size(), model);
      System.out.printf(Locale.ROOT, "%d topic corrections written to %s%n", corrections.size(), topics);
    }
    for (String c : update.changes()) {
      System.out.println("  taxonomy: " + Cli.printable(c, 300));
    }
    if (taxonomyChanged) {
      System.out.println(!dryRun && taxonomy ? "taxonomy written to " + workspace.resolve("topics").resolve("taxonomy.json")
          + " (the next topic fit uses it)" : "to write these into the taxonomy: ./verbatim validate learn --taxonomy");
    }
    return ValidateCommand.OK;
  }

  private static void line(String name, SentimentEstimate e) {
    System.out.printf(Locale.ROOT, "  %-22s accuracy %s   macro-F1 %s%n", name, fmt(e.accuracy()), fmt(e.macroF1()));
  }

  private static String fmt(Interval i) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high());
  }

  private LexiconSentimentScorer fast;

  /**
   * The text with the fast scorer's output as the model's base features, whatever scorer the run
   * that indexed it used: {@code run --scorer learned} feeds the model the fast scorer's output, so
   * training must see the same (else a workspace run with {@code --scorer learned} or {@code
   * corenlp} would train the next model on features it never gets at run time).
   */
  private ScoredText fastBase(ScoredText indexed) {
    if (fast == null) fast = new LexiconSentimentScorer();
    return LabelTrainedScorer.input(indexed.text(), fast.score(indexed.text()).document());
  }
}
