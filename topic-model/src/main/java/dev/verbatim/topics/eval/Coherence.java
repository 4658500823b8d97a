package dev.verbatim.topics.eval;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NPMI coherence (Bouma 2009; Röder et al. 2015) of topics' top terms with document co-occurrence:
 * for each pair of a topic's terms, {@code NPMI = log(p(a,b) / (p(a) p(b))) / -log p(a,b)}, where
 * p counts the documents containing the term(s); a pair that never co-occurs scores -1. A topic's
 * score is the mean over its pairs; the model's score is the mean over topics with at least two
 * terms. Thread-safe after construction.
 */
public final class Coherence {
  private final Map<String, BitSet> docsOf = new HashMap<>();
  private final int n;

  /** Indexes {@code docs} (each a list of terms; repeats do not count twice). */
  public Coherence(List<List<String>> docs) {
    this.n = docs.size();
    for (int i = 0; i < docs.size(); i++) {
      Set<String> seen = new HashSet<>(docs.get(i));
      for (String t : seen) docsOf.computeIfAbsent(t, z -> new BitSet()).set(i);
    }
  }

  /** Returns the NPMI of one topic's terms, or NaN when it has fewer than two. */
  public double npmi(List<String> terms) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < terms.size(); a++) {
      for (int b = a + 1; b < terms.size(); b++) {
        sum += pair(terms.get(a), terms.get(b));
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /** Returns the mean NPMI over topics (each a list of top terms) that have at least two terms. */
  public double meanNpmi(List<List<String>> topics) {
    double sum = 0;
    int m = 0;
    for (List<String> t : topics) {
      double s = npmi(t);
      if (!Double.isNaN(s)) {
        sum += s;
        m++;
      }
    }
    return m == 0 ? Double.NaN : sum / m;
  }

  double pair(String a, String b) {
    BitSet da = docsOf.get(a);
    BitSet db = docsOf.get(b);
    if (da == null || db == null || n == 0) return -1;
    BitSet both = (BitSet) da.clone();
    both.and(db);
    int nab = both.cardinality();
    if (nab == 0) return -1;
    double pab = (double) nab / n;
    double pa = (double) da.cardinality() / n;
    double pb = (double) db.cardinality() / n;
    if (pab == 1.0) return 1.0;
    return Math.log(pab / (pa * pb)) / -Math.log(pab);
  }
}
