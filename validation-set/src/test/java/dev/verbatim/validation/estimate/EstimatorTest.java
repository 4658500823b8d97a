package dev.verbatim.validation.estimate;

import static dev.verbatim.validation.SentimentLabel.NEGATIVE;
import static dev.verbatim.validation.SentimentLabel.NEUTRAL;
import static dev.verbatim.validation.SentimentLabel.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatorTest {
  private static void add(List<Observation> out, String stratum, SentimentLabel truth, SentimentLabel pred, int times) {
    for (int i = 0; i < times; i++) out.add(new Observation(stratum, truth, pred));
  }

  @Test
  void sampleScopeIsPlainAccuracyAndMacroF1() {
    List<Observation> obs = new ArrayList<>();
    add(obs, "x", NEGATIVE, NEGATIVE, 4);
    add(obs, "x", NEGATIVE, POSITIVE, 1);
    add(obs, "x", POSITIVE, POSITIVE, 3);
    add(obs, "x", NEUTRAL, NEGATIVE, 2);
    SentimentEstimate e = Estimator.defaults().estimate(obs, null);
    assertEquals("sample", e.scope());
    assertEquals(0.7, e.accuracy().estimate(), 1e-12);
    assertEquals(Intervals.wilson(7, 10, 0.95), e.accuracy());
    // neg: P 4/6, R 4/5 -> F1 8/11; pos: P 3/4, R 1 -> 6/7; neu: 0 -> macro = (8/11 + 6/7 + 0) / 3
    assertEquals((8.0 / 11 + 6.0 / 7) / 3, e.macroF1().estimate(), 1e-12);
    assertTrue(e.macroF1().low() <= e.macroF1().estimate() && e.macroF1().estimate() <= e.macroF1().high());
    assertEquals(List.of(4.0, 0.0, 1.0), e.confusion().get(0));
  }

  /**
   * Stratum shares 15/109 (x6) and 19/109 add up to 1.0000000000000002 in floating point: an
   * all-correct sample must still estimate at most 1 (it once printed 1.0000000000000002).
   */
  @Test
  void estimatesStayInsideZeroOneWhenSharesRoundUp() {
    List<Observation> obs = new ArrayList<>();
    Map<String, Integer> sizes = new java.util.HashMap<>();
    for (int h = 0; h < 7; h++) {
      add(obs, "s" + h, POSITIVE, POSITIVE, 2);
      add(obs, "s" + h, NEGATIVE, NEGATIVE, 1);
      sizes.put("s" + h, h < 6 ? 15 : 19);
    }
    SentimentEstimate e = Estimator.defaults().estimate(obs, sizes);
    assertTrue(e.accuracy().estimate() <= 1 && e.accuracy().high() <= 1, e.accuracy().toString());
    assertTrue(e.macroF1().estimate() <= 1 && e.macroF1().high() <= 1, e.macroF1().toString());
  }

  /** Stratum A (900 records) 2 of 2 right, stratum B (100 records) 0 of 2 right: 0.9 * 1 + 0.1 * 0 = 0.9. */
  @Test
  void populationScopeWeightsStrataByTheirSize() {
    List<Observation> obs = new ArrayList<>();
    add(obs, "A", NEGATIVE, NEGATIVE, 2);
    add(obs, "B", POSITIVE, NEGATIVE, 2);
    SentimentEstimate e = Estimator.defaults().estimate(obs, Map.of("A", 900, "B", 100));
    assertEquals("population", e.scope());
    assertEquals(0.9, e.accuracy().estimate(), 1e-12);
    assertEquals(900.0, e.confusion().get(0).get(0), 1e-9);
    assertEquals(100.0, e.confusion().get(2).get(0), 1e-9);
  }

  @Test
  void bootstrapIsReproducibleBySeed() {
    List<Observation> obs = new ArrayList<>();
    add(obs, "A", NEGATIVE, NEGATIVE, 20);
    add(obs, "A", POSITIVE, NEGATIVE, 5);
    add(obs, "B", POSITIVE, POSITIVE, 7);
    add(obs, "B", NEUTRAL, NEUTRAL, 3);
    add(obs, "B", NEUTRAL, POSITIVE, 3);
    Map<String, Integer> sizes = Map.of("A", 500, "B", 90);
    assertEquals(new Estimator(0.95, 200, 3).estimate(obs, sizes), new Estimator(0.95, 200, 3).estimate(obs, sizes));
  }
}
