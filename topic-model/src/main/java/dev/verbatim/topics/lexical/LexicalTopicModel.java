package dev.verbatim.topics.lexical;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicMix;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.text.PreparedCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Distils a fitted topic model into multinomial naive Bayes over non-stopword terms (add-one
 * smoothing, priors from topic sizes), so new records get topics at tokenizer speed instead of
 * encoder speed. Its mix is the posterior over topics; each sentence takes its own most probable
 * topic. It agrees with the teacher on most records, not all: measure the agreement (see {@link
 * #agreement}) before relying on it.
 *
 * <p>The model is its {@link Counts} (term counts per topic), so it can be saved exactly and two
 * topics can be merged exactly (their counts add up). Immutable and thread-safe.
 */
public final class LexicalTopicModel implements TopicModel {
  private final TermAnalyzer analyzer;
  private final String method;
  private final List<Topic> topics;
  private final Counts counts;
  private final Map<String, float[]> logP; // term -> log p(term | topic), per topic
  private final float[] logUnseen; // log p(unseen term | topic)
  private final float[] logPrior;

  /**
   * What the model learnt: per term, its count in each topic's training records; per topic, the
   * total term count and the number of records. Arrays are in the order of the model's topics.
   *
   * @param terms term → count per topic
   * @param totals term occurrences per topic
   * @param docs training records per topic
   */
  public record Counts(Map<String, int[]> terms, long[] totals, int[] docs) {
    public Counts {
      terms = java.util.Collections.unmodifiableMap(new TreeMap<>(terms)); // sorted: stable files
      if (totals.length != docs.length) throw new IllegalArgumentException("totals and docs differ in length");
      for (int[] c : terms.values()) {
        if (c.length != docs.length) throw new IllegalArgumentException("a term's counts do not match the topics");
      }
    }
  }

  private LexicalTopicModel(TermAnalyzer analyzer, String method, List<Topic> topics, Counts counts) {
    if (topics.size() != counts.docs().length) {
      throw new IllegalArgumentException(topics.size() + " topics but counts for " + counts.docs().length);
    }
    if (topics.isEmpty()) throw new IllegalArgumentException("a lexical model needs at least one topic");
    this.analyzer = analyzer;
    this.method = method;
    this.topics = List.copyOf(topics);
    this.counts = counts;
    int k = topics.size();
    int v = counts.terms().size() + 1;
    long corpus = 0;
    for (int d : counts.docs()) corpus += d;
    Map<String, float[]> lp = new HashMap<>(counts.terms().size() * 2);
    for (Map.Entry<String, int[]> e : counts.terms().entrySet()) {
      float[] x = new float[k];
      for (int c = 0; c < k; c++) x[c] = (float) Math.log((e.getValue()[c] + 1.0) / (counts.totals()[c] + v));
      lp.put(e.getKey(), x);
    }
    this.logP = lp;
    this.logUnseen = new float[k];
    this.logPrior = new float[k];
    for (int c = 0; c < k; c++) {
      logUnseen[c] = (float) Math.log(1.0 / (counts.totals()[c] + v));
      logPrior[c] = (float) Math.log((counts.docs()[c] + 1.0) / (corpus + k));
    }
  }

  /** Rebuilds a model from saved counts (see {@code store.TopicSnapshotStore}). */
  public static LexicalTopicModel of(String method, TermAnalyzer analyzer, List<Topic> topics, Counts counts) {
    return new LexicalTopicModel(analyzer, method, topics, counts);
  }

  /** Trains on {@code corpus} labelled by {@code teacher}'s training assignments (most probable topic). */
  public static LexicalTopicModel distil(TopicModel teacher, Corpus corpus, TermAnalyzer analyzer) {
    List<Topic> topics = teacher.topics();
    int k = topics.size();
    Map<TopicId, Integer> index = new HashMap<>();
    for (int i = 0; i < k; i++) index.put(topics.get(i).id(), i);
    Map<String, int[]> terms = new HashMap<>();
    long[] totals = new long[k];
    int[] docs = new int[k];
    PreparedCorpus prep = PreparedCorpus.of(corpus.documents(), analyzer);
    List<List<String>> content = prep.contentTokens(analyzer);
    for (int i = 0; i < corpus.size(); i++) {
      DocumentTopics dt = teacher.training().get(corpus.documents().get(i).id());
      if (dt == null) throw new IllegalArgumentException("teacher has no topics for " + corpus.documents().get(i).id());
      Integer c = index.get(dt.mix().top());
      if (c == null) throw new IllegalArgumentException("teacher's training names unknown topic " + dt.mix().top());
      docs[c]++;
      for (String t : content.get(i)) {
        terms.computeIfAbsent(t, z -> new int[k])[c]++;
        totals[c]++;
      }
    }
    return new LexicalTopicModel(analyzer, "lexical-nb/" + teacher.method(), topics, new Counts(terms, totals, docs));
  }

  /** Returns what the model learnt, for saving. */
  public Counts counts() {
    return counts;
  }

  /** Returns the share of {@code corpus} records whose most probable topic matches {@code teacher}'s. */
  public double agreement(TopicModel teacher, Corpus corpus) {
    int same = 0;
    for (TopicDocument d : corpus.documents()) {
      if (infer(d).mix().top().equals(teacher.training().get(d.id()).mix().top())) same++;
    }
    return corpus.size() == 0 ? 1 : (double) same / corpus.size();
  }

  @Override
  public List<Topic> topics() {
    return topics;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public DocumentTopics infer(TopicDocument document) {
    List<String> sentences = PreparedCorpus.sentencesOf(document);
    Assignment a = assign(sentences);
    List<TopicId> st = new ArrayList<>(sentences.size());
    for (int j = 0; j < sentences.size(); j++) st.add(topics.get(a.sentenceBest[j]).id());
    return new DocumentTopics(document.id(), a.mix(), sentences, st);
  }

  /**
   * Topics of a record's sentences, telling apart sentences the model can read from those it
   * cannot: a sentence none of whose content terms the model has seen gets no topic ({@code null}),
   * and a record with no such term at all has no mix ({@code null}).
   *
   * @param mix the record's posterior over topics, or null if none of its terms is known
   * @param sentenceTopics per sentence, its most probable topic, or null if it has no known term
   * @param sentenceWeights per sentence, its number of known content terms
   */
  public record SentenceTopics(@Nullable TopicMix mix, List<@Nullable TopicId> sentenceTopics, int[] sentenceWeights) {}

  /** Assigns topics to {@code sentences} (one record), see {@link SentenceTopics}. */
  public SentenceTopics sentenceTopics(List<String> sentences) {
    Assignment a = assign(sentences);
    List<@Nullable TopicId> st = new ArrayList<>(sentences.size());
    int known = 0;
    for (int j = 0; j < sentences.size(); j++) {
      known += a.known[j];
      st.add(a.known[j] == 0 ? null : topics.get(a.sentenceBest[j]).id());
    }
    return new SentenceTopics(known == 0 ? null : a.mix(), st, a.known);
  }

  private final class Assignment {
    final double[] doc;
    final int[] sentenceBest;
    final int[] known;

    Assignment(double[] doc, int[] sentenceBest, int[] known) {
      this.doc = doc;
      this.sentenceBest = sentenceBest;
      this.known = known;
    }

    TopicMix mix() {
      double max = doc[argmax(doc)];
      Map<TopicId, Double> w = new LinkedHashMap<>();
      for (int c = 0; c < doc.length; c++) w.put(topics.get(c).id(), Math.exp(doc[c] - max));
      return new TopicMix(w);
    }
  }

  private Assignment assign(List<String> sentences) {
    int k = topics.size();
    double[] doc = logPrior.length == k ? toDouble(logPrior) : new double[k];
    int[] best = new int[sentences.size()];
    int[] known = new int[sentences.size()];
    double[] sent = new double[k];
    for (int j = 0; j < sentences.size(); j++) {
      for (int c = 0; c < k; c++) sent[c] = logPrior[c];
      for (String t : analyzer.tokens(sentences.get(j))) {
        if (analyzer.isStopword(t)) continue;
        float[] lp = logP.get(t);
        float[] x = lp == null ? logUnseen : lp;
        if (lp != null) known[j]++;
        for (int c = 0; c < k; c++) {
          sent[c] += x[c];
          doc[c] += x[c];
        }
      }
      best[j] = argmax(sent);
    }
    return new Assignment(doc, best, known);
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) d[i] = x[i];
    return d;
  }

  private static int argmax(double[] x) {
    int b = 0;
    for (int i = 1; i < x.length; i++) if (x[i] > x[b]) b = i;
    return b;
  }

  @Override
  public Map<String, DocumentTopics> training() {
    return Map.of();
  }

  @Override
  public LexicalTopicModel withIds(Map<TopicId, TopicId> mapping) {
    return new LexicalTopicModel(analyzer, method,
        topics.stream().map(t -> t.withId(mapping.getOrDefault(t.id(), t.id()))).toList(), counts);
  }

  @Override
  public LexicalTopicModel withLabel(TopicId id, String label) {
    return new LexicalTopicModel(analyzer, method,
        topics.stream().map(t -> t.id().equals(id) ? t.withLabel(label) : t).toList(), counts);
  }

  /**
   * Returns this model with topic {@code from} merged into {@code into}: their term counts, record
   * counts and sizes add up, {@code into} keeps its id and label. Exact: the result is the model
   * distilled from the teacher with the two topics' records pooled. Returns this model unchanged
   * when either topic is absent (a merge already applied, or a topic a refit no longer has).
   */
  public LexicalTopicModel merge(TopicId from, TopicId into) {
    int f = indexOf(from);
    int t = indexOf(into);
    if (f < 0 || t < 0 || f == t) return this;
    int k = topics.size();
    Map<String, int[]> terms = new HashMap<>();
    for (Map.Entry<String, int[]> e : counts.terms().entrySet()) {
      int[] c = e.getValue().clone();
      c[t] += c[f];
      terms.put(e.getKey(), drop(c, f));
    }
    long[] totals = counts.totals().clone();
    totals[t] += totals[f];
    int[] docs = counts.docs().clone();
    docs[t] += docs[f];
    List<Topic> kept = new ArrayList<>(k - 1);
    for (int c = 0; c < k; c++) {
      if (c == f) continue;
      Topic x = topics.get(c);
      if (c == t) {
        Topic y = topics.get(f);
        x = new Topic(x.id(), x.label(), x.topTerms(), concatReps(x.representativeIds(), y.representativeIds()),
            x.size() + y.size());
      }
      kept.add(x);
    }
    long[] tot = new long[k - 1];
    int[] dc = new int[k - 1];
    for (int c = 0, o = 0; c < k; c++) {
      if (c == f) continue;
      tot[o] = totals[c];
      dc[o++] = docs[c];
    }
    return new LexicalTopicModel(analyzer, method, kept, new Counts(terms, tot, dc));
  }

  private static List<String> concatReps(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    for (String x : b) if (out.size() < Math.max(5, a.size()) && !out.contains(x)) out.add(x);
    return out;
  }

  private static int[] drop(int[] c, int f) {
    int[] out = new int[c.length - 1];
    System.arraycopy(c, 0, out, 0, f);
    System.arraycopy(c, f + 1, out, f, c.length - f - 1);
    return out;
  }

  private int indexOf(TopicId id) {
    for (int c = 0; c < topics.size(); c++) if (topics.get(c).id().equals(id)) return c;
    return -1;
  }

  @Override
  public List<float[]> signatures() {
    return List.of();
  }

  @Override
  public String toString() {
    return "LexicalTopicModel[" + method + ", " + topics.size() + " topics, " + counts.terms().size() + " terms, docs "
        + Arrays.toString(counts.docs()) + "]";
  }
}
