package dev.verbatim.topics.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalSpaceTest {
  private static final List<List<String>> DOCS = List.of(
      List.of("refund", "charge", "twice"),
      List.of("refund", "charge", "card"),
      List.of("password", "reset", "card"),
      List.of("password", "reset", "link"),
      List.of("package", "late", "courier"),
      List.of("package", "late", "tracking"));

  @Test
  void keepsTermsInTwoOrMoreRecordsAndAtMostHalf() {
    LexicalSpace s = LexicalSpace.fit(DOCS);
    // refund, charge, card, password, reset, package, late: df 2 each; twice, link, courier, tracking: df 1
    assertEquals(7, s.size());
    List<List<String>> common = new ArrayList<>(DOCS);
    for (int i = 0; i < 6; i++) common.add(List.of("the", "refund"));
    // "refund" now in 8 of 12 records (more than half): dropped; "the" in 6 of 12: kept
    LexicalSpace t = LexicalSpace.fit(common);
    float[] v = new float[t.size()];
    t.write(List.of("refund"), v, 0, 1f);
    assertArrayEquals(new float[t.size()], v);
  }

  @Test
  void vectorsAreUnitTimesScaleAndEmptyWithoutKnownTerms() {
    LexicalSpace s = LexicalSpace.fit(DOCS);
    float[] v = new float[s.size() + 3];
    s.write(List.of("refund", "refund", "card", "unknown"), v, 3, 0.5f);
    double norm = 0;
    for (int i = 3; i < v.length; i++) norm += v[i] * v[i];
    assertEquals(0.25, norm, 1e-6);
    assertEquals(0f, v[0]);
    float[] z = new float[s.size()];
    s.write(List.of("unknown", "words"), z, 0, 1f);
    assertArrayEquals(new float[s.size()], z);
  }

  @Test
  void sameCorpusGivesTheSameVectors() {
    float[] a = new float[7];
    float[] b = new float[7];
    LexicalSpace.fit(DOCS).write(List.of("late", "card", "reset"), a, 0, 1f);
    LexicalSpace.fit(new ArrayList<>(DOCS)).write(List.of("reset", "card", "late"), b, 0, 1f);
    assertArrayEquals(a, b);
    for (float x : a) assertTrue(x >= 0);
  }
}
