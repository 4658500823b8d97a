package dev.verbatim.pipeline.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

  @Test
  void recoversAKnownSigmoid() {
    var truth = new PlattCalibration(4.0, -1.0);
    var random = new Random(7);
    int n = 20_000;
    double[] x = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble();
      y[i] = random.nextDouble() < truth.apply(x[i]);
    }
    PlattCalibration fit = PlattCalibration.fit(x, y);
    assertEquals(4.0, fit.slope(), 0.4);
    assertEquals(-1.0, fit.intercept(), 0.2);
  }

  @Test
  void staysInsideTheUnitInterval() {
    var c = new PlattCalibration(1e6, 0);
    assertTrue(c.apply(1) <= 1 && c.apply(-1) >= 0);
    assertEquals(0.5, new PlattCalibration(Double.NaN, 0).apply(1));
  }
}
