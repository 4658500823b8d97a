package dev.verbatim.topics.lda;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.TopicTrainer;
import dev.verbatim.topics.label.TopicLabeller;
import dev.verbatim.topics.text.PreparedCorpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LDA by collapsed Gibbs sampling (Griffiths and Steyvers 2004), the baseline the embedding method
 * must beat. Symmetric priors as MALLET's defaults: alpha = 5 / K per topic, beta = 0.01. Single
 * thread with a seeded random source, so a fit is exactly reproducible. With {@code topics = 0}, K
 * = sqrt(n / 2) clamped to {@code [minTopics, maxTopics]} (LDA has no cheap model-selection
 * criterion here; the eval runs it with the K the embedding method chose, or the one given).
 *
 * <p>Stateless and thread-safe. Cost: O(sweeps · tokens · K).
 */
public final class GibbsLdaTrainer implements TopicTrainer {
  private final TermAnalyzer analyzer;
  private final int sweeps;

  /** Creates a trainer running {@code sweeps} Gibbs sweeps over the corpus (e.g. 300). */
  public GibbsLdaTrainer(TermAnalyzer analyzer, int sweeps) {
    if (sweeps < 1) throw new IllegalArgumentException("sweeps < 1: " + sweeps);
    this.analyzer = analyzer;
    this.sweeps = sweeps;
  }

  @Override
  public String id() {
    return "lda-gibbs";
  }

  @Override
  public LdaTopicModel fit(Corpus corpus, TopicParams params) {
    int n = corpus.size();
    if (n == 0) throw new IllegalArgumentException("cannot fit topics on an empty corpus");
    int k = params.topics() > 0
        ? params.topics()
        : Math.max(params.minTopics(), Math.min(params.maxTopics(), (int) Math.round(Math.sqrt(n / 2.0))));
    PreparedCorpus prep = PreparedCorpus.of(corpus.documents(), analyzer);
    List<List<String>> content = prep.contentTokens(analyzer);
    Map<String, Integer> vocab = new LinkedHashMap<>();
    int[][] docs = new int[n][];
    for (int i = 0; i < n; i++) {
      List<String> toks = content.get(i);
      docs[i] = new int[toks.size()];
      for (int j = 0; j < toks.size(); j++) docs[i][j] = vocab.computeIfAbsent(toks.get(j), z -> vocab.size());
    }
    int v = Math.max(1, vocab.size());
    double alpha = 5.0 / k;
    double beta = 0.01;
    double vBeta = v * beta;
    int[][] z = new int[n][];
    int[] nDk = new int[n * k];
    int[] nKw = new int[k * v];
    int[] nK = new int[k];
    SplittableRandom rnd = new SplittableRandom(params.seed());
    for (int i = 0; i < n; i++) {
      z[i] = new int[docs[i].length];
      for (int j = 0; j < docs[i].length; j++) {
        int t = rnd.nextInt(k);
        z[i][j] = t;
        nDk[i * k + t]++;
        nKw[t * v + docs[i][j]]++;
        nK[t]++;
      }
    }
    double[] p = new double[k];
    for (int s = 0; s < sweeps; s++) {
      for (int i = 0; i < n; i++) {
        int[] di = docs[i];
        int base = i * k;
        for (int j = 0; j < di.length; j++) {
          int w = di[j];
          int t = z[i][j];
          nDk[base + t]--;
          nKw[t * v + w]--;
          nK[t]--;
          double sum = 0;
          for (int q = 0; q < k; q++) {
            sum += (nDk[base + q] + alpha) * (nKw[q * v + w] + beta) / (nK[q] + vBeta);
            p[q] = sum;
          }
          double u = rnd.nextDouble() * sum;
          int nt = 0;
          while (nt < k - 1 && p[nt] < u) nt++;
          z[i][j] = nt;
          nDk[base + nt]++;
          nKw[nt * v + w]++;
          nK[nt]++;
        }
      }
    }
    // theta per document, argmax topic
    double[][] theta = new double[n][k];
    int[] top = new int[n];
    int[] size = new int[k];
    for (int i = 0; i < n; i++) {
      double den = docs[i].length + k * alpha;
      int best = 0;
      for (int q = 0; q < k; q++) {
        theta[i][q] = (nDk[i * k + q] + alpha) / den;
        if (theta[i][q] > theta[i][best]) best = q;
      }
      top[i] = best;
      size[best]++;
    }
    // order by size desc
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) order[c] = c;
    java.util.Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
    int[] rank = new int[k];
    for (int r = 0; r < k; r++) rank[order[r]] = r;
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) cls[i] = rank[top[i]];
    String[] words = vocab.keySet().toArray(new String[0]);
    float[] phi = new float[k * v];
    for (int r = 0; r < k; r++) {
      int q = order[r];
      for (int w = 0; w < v && w < words.length; w++) phi[r * v + w] = (float) ((nKw[q * v + w] + beta) / (nK[q] + vBeta));
    }
    List<TopicLabeller.Naming> names = new TopicLabeller(analyzer).name(prep.tokens(), cls, k, params.topTerms());
    List<Topic> topics = new ArrayList<>(k);
    for (int r = 0; r < k; r++) {
      int q = order[r];
      List<String> topTerms = topWords(phi, r, v, words, params.topTerms());
      List<String> reps = new ArrayList<>();
      Integer[] byTheta = new Integer[n];
      for (int i = 0; i < n; i++) byTheta[i] = i;
      final int qq = q;
      java.util.Arrays.sort(byTheta, (a, b) -> {
        int c = Double.compare(theta[b][qq], theta[a][qq]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      for (int i = 0; i < n && reps.size() < params.representatives(); i++) {
        if (cls[byTheta[i]] == r) reps.add(corpus.documents().get(byTheta[i]).id());
      }
      topics.add(new Topic(TopicId.of(r + 1), names.get(r).label(), topTerms, reps, size[q]));
    }
    Map<String, Integer> vocabIdx = new HashMap<>(vocab);
    LdaTopicModel model = new LdaTopicModel(analyzer, topics, vocabIdx, phi, v, alpha, Map.of());
    Map<String, DocumentTopics> training = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      double[] th = new double[k];
      for (int r = 0; r < k; r++) th[r] = theta[i][order[r]];
      training.put(corpus.documents().get(i).id(),
          model.assign(corpus.documents().get(i).id(), prep.sentences().get(i), prep.tokens().get(i), th));
    }
    return new LdaTopicModel(analyzer, topics, vocabIdx, phi, v, alpha, training);
  }

  private static List<String> topWords(float[] phi, int r, int v, String[] words, int m) {
    Integer[] idx = new Integer[words.length];
    for (int w = 0; w < idx.length; w++) idx[w] = w;
    java.util.Arrays.sort(idx, (a, b) -> {
      int c = Float.compare(phi[r * v + b], phi[r * v + a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < idx.length && out.size() < m; i++) out.add(words[idx[i]]);
    return out;
  }
}
