package dev.verbatim.validation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.validation.sample.SampleSize;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  @Test
  void wilsonOfEightOutOfTen() {
    Interval i = Intervals.wilson(8, 10, 0.95);
    assertEquals(0.8, i.estimate(), 1e-12);
    assertEquals(0.4902, i.low(), 1e-4);
    assertEquals(0.9433, i.high(), 1e-4);
  }

  @Test
  void wilsonStaysInsideTheUnitInterval() {
    Interval i = Intervals.wilson(10, 10, 0.95);
    assertEquals(1.0, i.high(), 1e-12);
    assertEquals(0.7225, i.low(), 1e-4);
  }

  @Test
  void sampleSizeFromMargin() {
    assertEquals(385, SampleSize.forMargin(0.05, 0));          // 1.96^2 / (4 * 0.0025) = 384.15
    assertEquals(278, SampleSize.forMargin(0.05, 1000));        // finite-population correction
    assertEquals(45, SampleSize.forMargin(0.05, 50));           // 384.15 / (1 + 383.15 / 50) = 44.3
    assertEquals(10, SampleSize.forMargin(0.01, 10));           // never more than the population
    assertEquals(1068, SampleSize.forMargin(0.03, 0));
  }
}
