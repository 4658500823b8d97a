package dev.verbatim.topics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAgreementTest {
  @Test
  void identicalPartitionsUnderOtherNamesScoreOne() {
    List<String> gold = List.of("a", "a", "b", "b", "c");
    List<Integer> pred = List.of(7, 7, 3, 3, 1);
    assertEquals(1.0, ClusterAgreement.nmi(gold, pred), 1e-12);
    assertEquals(1.0, ClusterAgreement.ari(gold, pred), 1e-12);
  }

  @Test
  void independentPartitionsScoreZeroNmiAndNegativeAri() {
    // contingency [[1,1],[1,1]]: MI = 0; ARI = (0 - 4/6) / (2 - 4/6) = -0.5
    List<Integer> a = List.of(0, 0, 1, 1);
    List<Integer> b = List.of(0, 1, 0, 1);
    assertEquals(0.0, ClusterAgreement.nmi(a, b), 1e-12);
    assertEquals(-0.5, ClusterAgreement.ari(a, b), 1e-12);
  }

  @Test
  void matchesHandComputedValues() {
    // contingency rows a0: (2,1,0), a1: (0,1,2); n = 6
    // H(a) = ln 2, H(b) = ln 3, MI = 2 * (2/6) ln 2 = (2/3) ln 2
    // NMI = MI / ((H(a) + H(b)) / 2) = 0.5158037...
    // ARI: sum C(nij,2) = 2, rows 3 + 3 = 6, cols 1 + 1 + 1 = 3, C(6,2) = 15
    //      expected = 6*3/15 = 1.2, max = 4.5 -> (2 - 1.2) / (4.5 - 1.2) = 0.2424...
    List<Integer> a = List.of(0, 0, 0, 1, 1, 1);
    List<Integer> b = List.of(0, 0, 1, 1, 2, 2);
    double mi = 2.0 / 3 * Math.log(2);
    assertEquals(mi / ((Math.log(2) + Math.log(3)) / 2), ClusterAgreement.nmi(a, b), 1e-12);
    assertEquals(0.515803, ClusterAgreement.nmi(a, b), 1e-6);
    assertEquals(0.8 / 3.3, ClusterAgreement.ari(a, b), 1e-12);
  }

  @Test
  void isSymmetric() {
    List<Integer> a = List.of(0, 0, 0, 1, 1, 1, 2);
    List<Integer> b = List.of(0, 0, 1, 1, 2, 2, 2);
    assertEquals(ClusterAgreement.nmi(a, b), ClusterAgreement.nmi(b, a), 1e-12);
    assertEquals(ClusterAgreement.ari(a, b), ClusterAgreement.ari(b, a), 1e-12);
  }
}
