package dev.verbatim.validation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sample.Stratum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sampler's weights give unbiased estimates: over a known, seeded population with strata of very
 * different sizes and accuracies (so square-root allocation gives very unequal weights), the 95%
 * interval of the post-stratified accuracy covers the true population accuracy at close to 95%.
 * Seeds pinned; the figures are printed on failure.
 */
class CoverageTest {
  private static final int[] SIZES = {8000, 5000, 3000, 2000, 1000, 500, 300, 200};
  private static final double[] ACCURACY = {0.92, 0.80, 0.70, 0.60, 0.50, 0.85, 0.40, 0.97};

  @Test
  void stratifiedIntervalsCoverTheTruthAtTheNominalRate() {
    Random rng = new Random(20260301L);
    List<PopulationRecord> population = new ArrayList<>();
    Map<String, SentimentLabel> truth = new HashMap<>();
    int correct = 0;
    SentimentLabel[] labels = SentimentLabel.values();
    for (int h = 0; h < SIZES.length; h++) {
      for (int i = 0; i < SIZES[h]; i++) {
        String id = h + "-" + i;
        SentimentLabel pred = labels[h % 3];
        boolean right = rng.nextDouble() < ACCURACY[h];
        correct += right ? 1 : 0;
        truth.put(id, right ? pred : labels[(h + 1) % 3]);
        population.add(new PopulationRecord(id, "t", "ch" + (h / 3), pred, 0, 0.5, List.of("topic" + h), null, null));
      }
    }
    double trueAccuracy = (double) correct / population.size();
    Sampler sampler = new Sampler();
    Estimator estimator = new Estimator(0.95, 10, 1); // bootstrap unused here
    int runs = 400;
    int covered = 0;
    double sum = 0;
    for (int seed = 1; seed <= runs; seed++) {
      Sample s = sampler.draw(population, SamplePlan.of(Strategy.STRATIFIED, 300, seed));
      List<Observation> obs = new ArrayList<>();
      for (SampledItem it : s.items()) {
        obs.add(new Observation(it.stratum(), truth.get(it.record().id()), it.record().predicted()));
      }
      Map<String, Integer> sizes = new HashMap<>();
      for (Stratum st : s.strata()) sizes.put(st.key(), st.populationCount());
      Interval acc = estimator.estimate(obs, sizes).accuracy();
      covered += acc.covers(trueAccuracy) ? 1 : 0;
      sum += acc.estimate();
    }
    double coverage = (double) covered / runs;
    double bias = sum / runs - trueAccuracy;
    String report = String.format(Locale.ROOT, "truth %.4f, mean estimate bias %+.4f, coverage %.3f over %d seeds",
        trueAccuracy, bias, coverage, runs);
    assertTrue(Math.abs(bias) < 0.005, report);
    assertTrue(coverage >= 0.92 && coverage <= 0.98, report);
    // the naive unweighted mean would be far off: strata are over-sampled unequally
    Sample one = sampler.draw(population, SamplePlan.of(Strategy.STRATIFIED, 300, 1));
    double naive = one.items().stream().filter(it -> truth.get(it.record().id()) == it.record().predicted()).count()
        / (double) one.items().size();
    assertTrue(Math.abs(naive - trueAccuracy) > 0.03, "weights matter in this set-up: " + naive);
    assertEquals(300, one.items().size());
  }
}
