package dev.verbatim.validation.sim;

import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.learn.Evaluation;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import dev.verbatim.validation.learn.TrainingExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Simulations only: the time `validate learn --self-train` takes on a workspace of N records (default
 * 20,000, the gold files' texts pooled) with 500 labels: encoding every text with the shipped
 * encoder (no cache), the before / after on 20% held out, and the final model on all labels — the
 * steps LearnCommand runs. Labels come from the gold files; the model is not saved.
 */
public final class LearnTiming {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/gold");
    int n = Integer.getInteger("n", 20_000);
    List<GoldSimulation.Gold> pool = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) pool.addAll(GoldSimulation.read(f));
    }
    Collections.shuffle(pool, new Random(1));
    List<GoldSimulation.Gold> ws = pool.subList(0, Math.min(n, pool.size()));
    ShippedScorer base = new ShippedScorer();
    List<TrainingExample> labels = new ArrayList<>();
    List<ScoredText> unlabeled = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      ScoredText st = base.apply(ws.get(i).text());
      if (i < 500) labels.add(new TrainingExample(st, ws.get(i).truth()));
      else unlabeled.add(st);
    }
    LabelTrainedSentiment.Options o = LabelTrainedSentiment.Options.recommended().withSeed(1);
    List<String> texts = ws.stream().map(GoldSimulation.Gold::text).toList();
    long t0 = System.nanoTime();
    LabelTrainedSentiment.prepare(texts, o);
    long t1 = System.nanoTime();
    Evaluation.beforeAfter(labels, l -> LabelTrainedSentiment.selfTrain(l, unlabeled,
        LabelTrainedSentiment.SELF_MIN_CONFIDENCE, LabelTrainedSentiment.SELF_WEIGHT, 3, o), 0.2, 1, Estimator.defaults());
    long t2 = System.nanoTime();
    LabelTrainedSentiment.selfTrain(labels, unlabeled, LabelTrainedSentiment.SELF_MIN_CONFIDENCE,
        LabelTrainedSentiment.SELF_WEIGHT, 3, o);
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%,d records, %d labels, %d cores: encode %.0f s, before/after %.0f s, final model %.0f s,"
        + " total %.0f s%n", ws.size(), labels.size(), Runtime.getRuntime().availableProcessors(), (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
  }
}
