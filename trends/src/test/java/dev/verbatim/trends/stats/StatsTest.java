package dev.verbatim.trends.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every formula against small examples computed by hand (the arithmetic is in each comment;
 * p-values of the library tests were cross-checked with an independent implementation).
 */
class StatsTest {
  private static final double E = 1e-4;

  @Test
  void crudeRelativeRiskWithKatzIntervalAndFisherP() {
    // RR = (10/100)/(5/100) = 2; SE = sqrt(1/10 - 1/100 + 1/5 - 1/100) = sqrt(0.28) = 0.52915
    // CI = 2 exp(±1.95996 · 0.52915) = [0.70895, 5.64214]; Fisher two-sided p = 0.28276
    Interval i = RelativeRisk.crude(new TwoByTwo(10, 90, 5, 95));
    assertEquals(2.0, i.estimate(), 1e-12);
    assertEquals(0.70895, i.low(), E);
    assertEquals(5.64214, i.high(), E);
    assertEquals(0.28276, i.pValue(), E);
  }

  @Test
  void crudeRelativeRiskAddsHalfToEveryCellWhenOneIsZero() {
    // a=0: cells 0.5 10.5 5.5 95.5: (0.5/11)/(5.5/101) = 0.045455/0.054455 = 0.83471
    Interval i = RelativeRisk.crude(new TwoByTwo(0, 10, 5, 95));
    assertEquals(0.83471, i.estimate(), E);
    assertTrue(i.low() < i.estimate() && i.high() > i.estimate());
  }

  @Test
  void mantelHaenszelRelativeRiskGreenlandRobinsIntervalAndCmhTest() {
    // S1 a=10 b=40 c=5 d=45: a·n0/N = 5, c·n1/N = 2.5; S2 a=4 b=16 c=6 d=74: 3.2, 1.2
    // RR_MH = 8.2/3.7 = 2.216216
    // GR: S1 (50·50·15 − 10·5·100)/100² = 3.25; S2 (20·80·10 − 4·6·100)/100² = 1.36
    // Var = 4.61/(8.2·3.7) = 0.151945 → CI [1.03232, 4.75785]
    // CMH: ΣA = 14, ΣE = 7.5 + 2 = 9.5, ΣV = 3.219697 + 1.454545; X² = (4.5 − 0.5)²/4.674242 = 3.42301
    // p = P(χ²₁ > 3.42301) = 0.064293
    Interval i = RelativeRisk.mantelHaenszel(List.of(new TwoByTwo(10, 40, 5, 45), new TwoByTwo(4, 16, 6, 74)));
    assertEquals(2.216216, i.estimate(), 1e-6);
    assertEquals(1.03232, i.low(), E);
    assertEquals(4.75785, i.high(), E);
    assertEquals(0.064293, i.pValue(), 1e-5);
  }

  @Test
  void mantelHaenszelOfOneStratumIsTheCrudeRiskAndSkipsEmptyStrata() {
    TwoByTwo t = new TwoByTwo(10, 90, 5, 95);
    Interval mh = RelativeRisk.mantelHaenszel(List.of(t, new TwoByTwo(0, 0, 3, 7), new TwoByTwo(1, 0, 0, 0)));
    assertEquals(2.0, mh.estimate(), 1e-12);
    // one stratum: Greenland-Robins variance equals Katz's: (n1 n0 M1 − a c N)/(a n0 · c n1 / N) =
    // (100·100·15 − 50·200)/(1000 · 500)·... = 0.28
    assertEquals(0.70895, mh.low(), E);
    assertTrue(Double.isNaN(RelativeRisk.mantelHaenszel(List.of(new TwoByTwo(0, 0, 3, 7))).estimate()));
  }

  @Test
  void confoundedCrudeRiskVanishesWhenStratified() {
    // Within each segment the outcome rate is the same for exposed and unexposed (RR 1), but the
    // exposed are mostly in the low-risk segment, so the crude RR looks protective.
    TwoByTwo smb = new TwoByTwo(2, 8, 40, 160); // 20% vs 20%
    TwoByTwo ent = new TwoByTwo(10, 190, 1, 19); // 5% vs 5%
    assertTrue(RelativeRisk.crude(smb.plus(ent)).estimate() < 0.4);
    Interval mh = RelativeRisk.mantelHaenszel(List.of(smb, ent));
    assertEquals(1.0, mh.estimate(), 1e-12);
    assertTrue(mh.low() < 1 && mh.high() > 1 && mh.pValue() > 0.5);
  }

  @Test
  void benjaminiHochbergQValues() {
    // sorted 0.005 0.01 0.03 0.04 → ·4/rank: 0.02 0.02 0.04 0.04, running min from the top
    assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
        BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    double[] q = BenjaminiHochberg.adjust(new double[] {0.5, Double.NaN, 0.9});
    assertEquals(0.9, q[0], 1e-12); // min(2·0.5/1, 2·0.9/2) = 0.9
    assertTrue(Double.isNaN(q[1]));
    assertEquals(0.9, q[2], 1e-12);
  }

  @Test
  void conditionalPoissonRateTest() {
    // 3 of 10 now, 1 of 10 before: X ~ Bin(4, 1/2), P(X >= 3) = 5/16
    assertEquals(0.3125, RateTest.greater(3, 10, 1, 10), 1e-12);
    assertEquals(3.0, RateTest.ratio(3, 10, 1, 10), 1e-12);
    // twice the volume, twice the count: no evidence at all; 16 of 20 vs 2 of 40 is overwhelming
    assertTrue(RateTest.greater(20, 200, 10, 100) > 0.4);
    // X ~ Bin(18, 1/3): P(X >= 16) = 153·3⁻¹⁶·(2/3)² + 18·3⁻¹⁷·(2/3) + 3⁻¹⁸ = 1.67518e-6
    assertEquals(1.67518e-6, RateTest.greater(16, 20, 2, 40), 1e-10);
    assertEquals(1.0, RateTest.greater(0, 10, 0, 10), 0);
  }

  @Test
  void npsWithInterval() {
    // 5 promoters, 2 detractors of 10: NPS = 30; Var = (0.5 + 0.2 − 0.3²)/10 = 0.061
    // CI = 30 ± 1.95996 · 100 · 0.246982 = [−18.4075, 78.4075]
    Interval i = SurveyScores.nps(5, 2, 10);
    assertEquals(30, i.estimate(), 1e-12);
    assertEquals(-18.4075, i.low(), E);
    assertEquals(78.4075, i.high(), E);
    // difference of two groups: 30 − 0 (2 promoters 2 detractors of 8)
    Interval d = SurveyScores.npsDifference(5, 2, 10, 2, 2, 8);
    assertEquals(30, d.estimate(), 1e-9);
    // se = sqrt(0.061 + (0.25 + 0.25 − 0)/8) = sqrt(0.1235) = 0.351426; z = 0.3/0.351426 = 0.853665
    assertEquals(2 * (1 - 0.803357), d.pValue(), 1e-4);
  }

  @Test
  void csatWithWilsonInterval() {
    // 8 of 10 satisfied: 80%, Wilson [49.016, 94.332]
    Interval i = SurveyScores.csat(8, 10);
    assertEquals(80, i.estimate(), 1e-12);
    assertEquals(49.016, i.low(), 1e-3);
    assertEquals(94.332, i.high(), 1e-3);
    Interval d = SurveyScores.csatDifference(10, 100, 5, 100);
    assertEquals(5, d.estimate(), 1e-9);
    assertEquals(0.28276, d.pValue(), E); // Fisher's exact on [[10,90],[5,95]]
  }

  @Test
  void cesMeanWithTIntervalAndWelchDifference() {
    // 2, 4, 6: mean 4, s = 2, t(2) = 4.302653 → 4 ± 4.968275
    Interval i = SurveyScores.ces(12, 56, 3);
    assertEquals(4, i.estimate(), 1e-12);
    assertEquals(-0.96828, i.low(), E);
    // {2,4,6} vs {1,2,3,4}: diff 1.5, se² = 4/3 + (5/3)/4 = 1.75, Welch df = 3.23472,
    // CI [−2.54233, 5.54233], t = 1.13389, p = 0.33382
    Interval d = SurveyScores.cesDifference(12, 56, 3, 10, 30, 4);
    assertEquals(1.5, d.estimate(), 1e-12);
    assertEquals(-2.54233, d.low(), E);
    assertEquals(5.54233, d.high(), E);
    assertEquals(0.33382, d.pValue(), E);
  }
}
