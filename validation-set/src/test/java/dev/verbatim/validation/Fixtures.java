package dev.verbatim.validation;

import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small in-memory populations for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** n records over two channels and three predicted labels, seeded. */
  public static List<PopulationRecord> population(int n, long seed) {
    Random rng = new Random(seed);
    List<PopulationRecord> out = new ArrayList<>();
    SentimentLabel[] labels = SentimentLabel.values();
    for (int i = 0; i < n; i++) {
      SentimentLabel p = labels[rng.nextInt(3)];
      SentimentLabel second = rng.nextDouble() < 0.2 ? labels[rng.nextInt(3)] : p;
      out.add(new PopulationRecord("r" + i, "text number " + i, i % 3 == 0 ? "ticket" : "review", p,
          p == SentimentLabel.POSITIVE ? 0.5 : p == SentimentLabel.NEGATIVE ? -0.5 : 0,
          rng.nextDouble(), List.of(i % 2 == 0 ? "billing" : "delivery"), second, null));
    }
    return out;
  }

  /** A sample of n items with no overlap unless asked. */
  public static Sample sample(int populationSize, int n, double overlap) {
    return new Sampler().draw(population(populationSize, 1),
        SamplePlan.of(Strategy.STRATIFIED, n, 7).withOverlap(overlap));
  }
}
