package dev.verbatim.validation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

  private static List<Map.Entry<String, String>> pairs(String... ab) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String s : ab) {
      out.add(Map.entry(s.substring(0, 1), s.substring(1, 2)));
    }
    return out;
  }

  /** Wikipedia's example: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no; p_o = 0.7, p_e = 0.5, kappa = 0.4. */
  @Test
  void cohensKappaOfTheTextbookTable() {
    List<Map.Entry<String, String>> p = new ArrayList<>();
    for (int i = 0; i < 20; i++) p.add(Map.entry("y", "y"));
    for (int i = 0; i < 5; i++) p.add(Map.entry("y", "n"));
    for (int i = 0; i < 10; i++) p.add(Map.entry("n", "y"));
    for (int i = 0; i < 15; i++) p.add(Map.entry("n", "n"));
    assertEquals(0.4, Agreement.cohensKappa(p), 1e-12);
  }

  /** aa ab bb cc: p_o = 3/4, p_e = (2*1 + 1*2 + 1*1)/16 = 5/16, kappa = (12/16 - 5/16)/(11/16) = 7/11. */
  @Test
  void cohensKappaByHand() {
    assertEquals(7.0 / 11, Agreement.cohensKappa(pairs("aa", "ab", "bb", "cc")), 1e-12);
    assertEquals(1.0, Agreement.cohensKappa(pairs("ab", "ba", "aa", "bb").subList(2, 4)), 1e-12);
    assertTrue(Double.isNaN(Agreement.cohensKappa(pairs("aa", "aa"))), "chance agreement 1: undefined");
  }

  /**
   * Units aa ab bb cc: coincidences o_aa=2, o_ab=o_ba=1, o_bb=2, o_cc=2; n_a=3, n_b=3, n_c=2, n=8;
   * alpha = 1 - (n-1) * 2 / (2 * (9 + 6 + 6)) = 1 - 14/42 = 2/3.
   */
  @Test
  void krippendorffAlphaByHand() {
    List<List<String>> units = List.of(List.of("a", "a"), List.of("a", "b"), List.of("b", "b"), List.of("c", "c"),
        List.of("z")); // a single value is not pairable and is ignored
    assertEquals(2.0 / 3, Agreement.krippendorffAlpha(units), 1e-12);
  }

  /** Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers x 12 units example: 0.743. */
  @Test
  void krippendorffAlphaOfThePublishedExample() {
    Integer[][] byObserver = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
      {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    };
    List<List<Integer>> units = new ArrayList<>();
    for (int u = 0; u < 12; u++) {
      List<Integer> values = new ArrayList<>();
      for (Integer[] obs : byObserver) {
        if (obs[u] != null) values.add(obs[u]);
      }
      units.add(values);
    }
    assertEquals(0.743, Agreement.krippendorffAlpha(units), 0.0005);
  }

  @Test
  void perfectAgreementIsOne() {
    assertEquals(1.0, Agreement.krippendorffAlpha(List.of(Arrays.asList("a", "a", "a"), List.of("b", "b"))), 1e-12);
  }
}
