package dev.verbatim.validation.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.Fixtures;
import dev.verbatim.validation.PopulationRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private final Sampler sampler = new Sampler();
  private final List<PopulationRecord> population = Fixtures.population(1000, 3);

  @Test
  void sameSeedSameSampleOtherSeedOtherSample() {
    SamplePlan plan = SamplePlan.of(Strategy.STRATIFIED, 100, 42);
    assertEquals(sampler.draw(population, plan), sampler.draw(population, plan));
    assertNotEquals(sampler.draw(population, plan).items(),
        sampler.draw(population, SamplePlan.of(Strategy.STRATIFIED, 100, 43)).items());
  }

  @Test
  void stratifiedWeightsAddUpToThePopulation() {
    Sample s = sampler.draw(population, SamplePlan.of(Strategy.STRATIFIED, 100, 1).withOverlap(0.1));
    assertEquals(100, s.items().size());
    assertEquals(1000.0, s.items().stream().mapToDouble(SampledItem::weight).sum(), 1e-6);
    assertEquals(10, s.items().stream().filter(SampledItem::overlap).count());
    assertEquals(1000, s.strata().stream().mapToInt(Stratum::populationCount).sum());
    assertEquals(100, s.strata().stream().mapToInt(Stratum::sampleCount).sum());
  }

  @Test
  void squareRootAllocationOverSamplesSmallStrata() {
    assertArrayEquals(new int[] {1, 2, 7}, Sampler.allocate(new int[] {1, 4, 100}, 10)); // first stratum capped at its size
    int[] a = Sampler.allocate(new int[] {10000, 100}, 110);
    assertEquals(110, a[0] + a[1]);
    assertEquals(10, a[1]); // sqrt: 100 : 10, not proportional 109 : 1
  }

  @Test
  void uncertaintyTakesTheLowestConfidence() {
    Sample s = sampler.draw(population, SamplePlan.of(Strategy.UNCERTAINTY, 20, 1));
    double maxTaken = s.items().stream().mapToDouble(i -> i.record().confidence()).max().orElseThrow();
    long lower = population.stream().filter(r -> r.confidence() < maxTaken).count();
    assertTrue(lower <= 19);
  }

  @Test
  void disagreementAndQuery() {
    Sample d = sampler.draw(population, SamplePlan.of(Strategy.DISAGREEMENT, 50, 1));
    assertTrue(d.items().stream().allMatch(i -> i.record().secondOpinion() != i.record().predicted()));
    Sample q = sampler.draw(population, SamplePlan.of(Strategy.QUERY, 5, 1).withTargets(List.of("r1", "r2", "nope")));
    assertEquals(2, q.items().size());
  }

  @Test
  void strategyNames() {
    assertEquals(Strategy.QUERY, Strategy.parse("targeted").orElseThrow());
    assertEquals(Strategy.STRATIFIED, Strategy.parse(" Stratified ").orElseThrow());
  }
}
