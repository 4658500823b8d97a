package dev.verbatim.topics.embed;

import dev.verbatim.topics.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * A model-free encoder: hashes each non-stopword token (and bigram) into {@code dimension} signed
 * buckets. Meaning-blind (synonyms do not meet), but fast and exact, so unit tests can fit the
 * embedding pipeline without the ONNX models. Thread-safe.
 */
public final class HashingSentenceEncoder implements SentenceEncoder {
  private final TermAnalyzer analyzer;
  private final int dimension;

  /** Creates an encoder with {@code dimension} buckets. */
  public HashingSentenceEncoder(TermAnalyzer analyzer, int dimension) {
    if (dimension < 8) throw new IllegalArgumentException("dimension < 8: " + dimension);
    this.analyzer = analyzer;
    this.dimension = dimension;
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      float[] v = new float[dimension];
      String prev = null;
      for (String tok : analyzer.tokens(t)) {
        if (analyzer.isStopword(tok)) {
          prev = null;
          continue;
        }
        add(v, tok, 1f);
        if (prev != null) add(v, prev + ' ' + tok, 0.5f);
        prev = tok;
      }
      if (allZero(v)) v[0] = 1f;
      out.add(Vectors.canonical(v));
    }
    return out;
  }

  private void add(float[] v, String s, float w) {
    int h = s.hashCode() * 0x9E3779B9;
    int bucket = Math.floorMod(h, dimension);
    v[bucket] += ((h >>> 31) == 0 ? w : -w);
  }

  private static boolean allZero(float[] v) {
    for (float x : v) if (x != 0) return false;
    return true;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String id() {
    return "hashing-" + dimension;
  }
}
