package dev.verbatim.topics.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF-IDF term space fitted on a corpus's content tokens (stopwords already removed), the lexical
 * half of the hybrid representation ({@link EmbeddingTopicTrainer#EmbeddingTopicTrainer(
 * dev.verbatim.topics.embed.SentenceEncoder, dev.verbatim.topics.TermAnalyzer, double)}).
 *
 * <p>Vocabulary: terms in at least {@value #MIN_DF} records and at most half of them, the
 * {@value #MAX_TERMS} with the highest document frequency (ties by term), so the dense hybrid
 * vectors stay small (10,000 records: 10,000 x (384 + 2,000) floats, 95 MB). Weight: sublinear
 * term frequency {@code 1 + ln tf} times smooth idf {@code ln((1 + n) / (1 + df)) + 1}, each record
 * vector unit length (all zero when it has no vocabulary term). Immutable and thread-safe;
 * deterministic (no hashing order reaches the output).
 */
final class LexicalSpace {
  /** Most terms kept. */
  static final int MAX_TERMS = 2000;

  /** Fewest records a term must occur in. */
  static final int MIN_DF = 2;

  private final Map<String, Integer> index;
  private final float[] idf;

  private LexicalSpace(Map<String, Integer> index, float[] idf) {
    this.index = index;
    this.idf = idf;
  }

  /** Fits the vocabulary and idf on {@code docs}, each a record's content tokens. */
  static LexicalSpace fit(List<List<String>> docs) {
    Map<String, Integer> df = new HashMap<>();
    for (List<String> doc : docs) {
      Set<String> seen = new HashSet<>(doc);
      for (String t : seen) df.merge(t, 1, Integer::sum);
    }
    int n = docs.size();
    List<String> terms = new ArrayList<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      if (e.getValue() >= MIN_DF && e.getValue() <= n / 2) terms.add(e.getKey());
    }
    terms.sort((a, b) -> {
      int c = Integer.compare(df.get(b), df.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    if (terms.size() > MAX_TERMS) terms = terms.subList(0, MAX_TERMS);
    Map<String, Integer> index = new HashMap<>();
    float[] idf = new float[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
      idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(terms.get(i)))) + 1);
    }
    return new LexicalSpace(index, idf);
  }

  /** Returns the number of terms (the dimension of the lexical part). */
  int size() {
    return idf.length;
  }

  /**
   * Writes the unit TF-IDF vector of {@code tokens}, times {@code scale}, into {@code out} from
   * {@code off} (which must be zero there); writes nothing when no token is in the vocabulary.
   */
  void write(List<String> tokens, float[] out, int off, float scale) {
    Map<Integer, Integer> tf = new HashMap<>();
    for (String t : tokens) {
      Integer i = index.get(t);
      if (i != null) tf.merge(i, 1, Integer::sum);
    }
    if (tf.isEmpty()) return;
    int[] keys = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    double norm = 0;
    float[] w = new float[keys.length];
    for (int j = 0; j < keys.length; j++) {
      w[j] = (float) ((1 + Math.log(tf.get(keys[j]))) * idf[keys[j]]);
      norm += (double) w[j] * w[j];
    }
    float f = (float) (scale / Math.sqrt(norm));
    for (int j = 0; j < keys.length; j++) out[off + keys[j]] = w[j] * f;
  }
}
