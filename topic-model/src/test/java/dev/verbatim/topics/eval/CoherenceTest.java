package dev.verbatim.topics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoherenceTest {
  // documents: {a,b} {a,b} {a,c} {d}; n = 4
  private final Coherence c =
      new Coherence(List.of(List.of("a", "b"), List.of("a", "b", "a"), List.of("a", "c"), List.of("d")));

  @Test
  void pairMatchesHandComputedNpmi() {
    // p(a) = 3/4, p(b) = 1/2, p(a,b) = 1/2: ln(0.5 / 0.375) / -ln 0.5 = 0.4150375
    assertEquals(Math.log(0.5 / 0.375) / -Math.log(0.5), c.pair("a", "b"), 1e-12);
    assertEquals(0.4150375, c.pair("a", "b"), 1e-6);
    // p(c) = 1/4, p(a,c) = 1/4: ln(0.25 / 0.1875) / -ln 0.25 = 0.2075187
    assertEquals(0.2075187, c.pair("a", "c"), 1e-6);
  }

  @Test
  void neverTogetherIsMinusOneAndUnknownTooAndTopicIsMeanOfPairs() {
    assertEquals(-1.0, c.pair("b", "c"), 0);
    assertEquals(-1.0, c.pair("a", "zzz"), 0);
    double expected = (0.4150375 + 0.2075187 - 1) / 3;
    assertEquals(expected, c.npmi(List.of("a", "b", "c")), 1e-6);
    assertEquals((expected + 0.4150375) / 2, c.meanNpmi(List.of(List.of("a", "b", "c"), List.of("a", "b"), List.of("d"))), 1e-6);
  }
}
