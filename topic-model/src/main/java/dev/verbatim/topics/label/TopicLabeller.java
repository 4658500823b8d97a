package dev.verbatim.topics.label;

import dev.verbatim.topics.TermAnalyzer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names clusters of documents with class-based TF-IDF (Grootendorst 2022, BERTopic's c-TF-IDF):
 * {@code score(t, c) = tf(t, c) * log(1 + A / f(t))}, where {@code tf(t, c)} counts the documents
 * of class {@code c} that contain {@code t}, {@code f(t)} counts them over all classes and {@code
 * A} is the mean number of term occurrences per class. Top terms are single non-stopword tokens;
 * labels are the best 2-3 word phrase (contiguous tokens within one sentence, no stopword at
 * either end, no more than one inside) found in at least two documents of the class. Labels are
 * made distinct by naming larger classes first and never reusing a label. Stateless, thread-safe;
 * time linear in corpus tokens.
 */
public final class TopicLabeller {
  /** Names of one class. */
  public record Naming(String label, List<String> topTerms) {}

  private final TermAnalyzer analyzer;

  /** Creates a labeller that tells stopwords with {@code analyzer}. */
  public TopicLabeller(TermAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Names {@code k} classes.
   *
   * @param docs per document, its sentences as token lists
   * @param cls per document, its class in {@code [0, k)}
   * @param k number of classes
   * @param topTerms top terms to keep per class
   * @return one naming per class, in class order
   */
  public List<Naming> name(List<List<List<String>>> docs, int[] cls, int k, int topTerms) {
    Map<String, int[]> terms = new HashMap<>();
    Map<String, int[]> phrases = new HashMap<>();
    long termTotal = 0;
    long phraseTotal = 0;
    int[] sizes = new int[k];
    for (int i = 0; i < docs.size(); i++) {
      int c = cls[i];
      sizes[c]++;
      Set<String> seenT = new HashSet<>();
      Set<String> seenP = new HashSet<>();
      for (List<String> sent : docs.get(i)) {
        for (int a = 0; a < sent.size(); a++) {
          String t = sent.get(a);
          if (analyzer.isStopword(t)) continue;
          if (seenT.add(t)) {
            terms.computeIfAbsent(t, z -> new int[k])[c]++;
            termTotal++;
          }
          // phrases starting at a: 2 or 3 tokens, ending in a non-stopword, at most one stopword inside
          for (int len = 2; len <= 3 && a + len <= sent.size(); len++) {
            String last = sent.get(a + len - 1);
            if (analyzer.isStopword(last)) continue;
            if (len == 2 && last.equals(t)) continue;
            String p = len == 2 ? t + ' ' + last : t + ' ' + sent.get(a + 1) + ' ' + last;
            if (seenP.add(p)) {
              phrases.computeIfAbsent(p, z -> new int[k])[c]++;
              phraseTotal++;
            }
          }
        }
      }
    }
    double aTerms = Math.max(1.0, (double) termTotal / k);
    double aPhrases = Math.max(1.0, (double) phraseTotal / k);
    List<List<Scored>> termRank = rank(terms, k, aTerms, 2, true);
    List<List<Scored>> phraseRank = rank(phrases, k, aPhrases, 2, false);
    List<List<String>> coherentTerms = pickCoherent(docs, termRank, topTerms);

    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) order[c] = c;
    java.util.Arrays.sort(order, (p, q) -> sizes[p] != sizes[q] ? Integer.compare(sizes[q], sizes[p]) : Integer.compare(p, q));
    String[] labels = new String[k];
    Set<String> used = new HashSet<>();
    for (int c : order) {
      String label = null;
      for (Scored s : phraseRank.get(c)) {
        if (!used.contains(s.text)) {
          label = s.text;
          break;
        }
      }
      if (label == null) {
        List<Scored> tr = termRank.get(c);
        label = tr.isEmpty() ? "topic" : tr.size() == 1 ? tr.get(0).text : tr.get(0).text + " / " + tr.get(1).text;
      }
      String base = label;
      for (int n = 2; used.contains(label); n++) label = base + " (" + n + ")";
      used.add(label);
      labels[c] = label;
    }
    List<Naming> out = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      out.add(new Naming(labels[c], coherentTerms.get(c)));
    }
    return out;
  }

  private record Scored(String text, double score) {}

  /** Candidates per class for top terms; the greedy pick chooses among these. */
  static final int CANDIDATES = 20;

  /** Weight of coherence against distinctiveness in the greedy pick. */
  static final double COHERENCE_WEIGHT = 3.0;

  /**
   * Picks each class's top terms greedily among its best {@value #CANDIDATES} candidates: the first
   * is the most distinctive; each next one maximises {@code score · max(0.01, 1 + w · mean NPMI with
   * those already picked)}, NPMI from document co-occurrence over the whole corpus. Analysts read
   * a top-term list as a description, so terms that occur together ("card arrive week") beat a
   * list of unrelated rare words; MMR-style selection (Carbonell and Goldstein 1998) with
   * coherence in place of novelty.
   */
  private static List<List<String>> pickCoherent(List<List<List<String>>> docs, List<List<Scored>> rank, int m) {
    Map<String, BitSet> occ = new HashMap<>();
    for (List<Scored> l : rank) {
      for (int i = 0; i < Math.min(CANDIDATES, l.size()); i++) occ.putIfAbsent(l.get(i).text, new BitSet());
    }
    for (int i = 0; i < docs.size(); i++) {
      for (List<String> sent : docs.get(i)) {
        for (String t : sent) {
          BitSet b = occ.get(t);
          if (b != null) b.set(i);
        }
      }
    }
    int n = Math.max(1, docs.size());
    List<List<String>> out = new ArrayList<>(rank.size());
    for (List<Scored> l : rank) {
      List<Scored> cand = l.subList(0, Math.min(CANDIDATES, l.size()));
      List<String> chosen = new ArrayList<>();
      boolean[] used = new boolean[cand.size()];
      double[] npmiSum = new double[cand.size()];
      while (chosen.size() < m && chosen.size() < cand.size()) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cand.size(); j++) {
          if (used[j]) continue;
          double f = chosen.isEmpty() ? 1 : Math.max(0.01, 1 + COHERENCE_WEIGHT * npmiSum[j] / chosen.size());
          double sc = cand.get(j).score * f;
          if (sc > bestScore) {
            bestScore = sc;
            best = j;
          }
        }
        used[best] = true;
        String picked = cand.get(best).text;
        chosen.add(picked);
        BitSet bp = occ.get(picked);
        for (int j = 0; j < cand.size(); j++) {
          if (!used[j]) npmiSum[j] += npmi(bp, occ.get(cand.get(j).text), n);
        }
      }
      out.add(List.copyOf(chosen));
    }
    return out;
  }

  private static double npmi(BitSet a, BitSet b, int n) {
    BitSet both = (BitSet) a.clone();
    both.and(b);
    int nab = both.cardinality();
    if (nab == 0) return -1;
    double pab = (double) nab / n;
    if (pab >= 1) return 1;
    return Math.log(pab / ((double) a.cardinality() / n * ((double) b.cardinality() / n))) / -Math.log(pab);
  }

  private static List<List<Scored>> rank(Map<String, int[]> counts, int k, double a, int minCount, boolean softIdf) {
    List<List<Scored>> out = new ArrayList<>(k);
    for (int c = 0; c < k; c++) out.add(new ArrayList<>());
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] v = e.getValue();
      int f = 0;
      for (int x : v) f += x;
      double idf = Math.log(1 + a / f);
      if (softIdf) idf = Math.sqrt(idf); // terms: favour frequent-in-class over rare-but-exclusive
      for (int c = 0; c < k; c++) {
        if (v[c] >= minCount) out.get(c).add(new Scored(e.getKey(), v[c] * idf));
      }
    }
    for (List<Scored> l : out) {
      l.sort((p, q) -> p.score != q.score ? Double.compare(q.score, p.score) : p.text.compareTo(q.text));
      if (l.size() > 50) l.subList(50, l.size()).clear();
    }
    return out;
  }
}
