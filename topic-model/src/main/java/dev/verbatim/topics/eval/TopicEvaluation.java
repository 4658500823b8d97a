package dev.verbatim.topics.eval;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.TopicTrainer;
import dev.verbatim.topics.text.PreparedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a trainer on gold records and scores the result: NMI and ARI of each record's most
 * probable topic against its gold topic, mean NPMI of every topic's top terms (document
 * co-occurrence on the same corpus, same tokenizer), and wall time of the fit (encoding
 * included). Stateless.
 */
public final class TopicEvaluation {
  private TopicEvaluation() {}

  /**
   * The figures of one evaluation run; {@link #toJson()} prints the shape.
   *
   * @param method trainer id
   * @param n records fitted
   * @param topics topics found
   * @param nmi normalized mutual information vs gold
   * @param ari adjusted Rand index vs gold
   * @param npmi mean NPMI of the topics' top-10 terms
   * @param seconds wall time of the fit
   */
  public record Result(String method, int n, int topics, double nmi, double ari, double npmi, double seconds) {
    /** Returns {@code {"n":…,"topics":…,"nmi":…,"ari":…,"npmi":…,"seconds":…,"method":…}}. */
    public String toJson() {
      return String.format(Locale.ROOT,
          "{\"n\":%d,\"topics\":%d,\"nmi\":%.4f,\"ari\":%.4f,\"npmi\":%.4f,\"seconds\":%.1f,\"method\":\"%s\"}",
          n, topics, nmi, ari, npmi, seconds, method);
    }
  }

  /** Fits {@code trainer} on {@code gold} with {@code params} and scores the fit. */
  public static Result run(GoldTopics gold, TopicTrainer trainer, TopicParams params, TermAnalyzer analyzer) {
    Corpus corpus = new Corpus(gold.documents());
    long t0 = System.nanoTime();
    TopicModel model = trainer.fit(corpus, params);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return score(gold, model, analyzer, trainer.id(), seconds);
  }

  /** Scores a model already fitted on {@code gold}'s documents. */
  public static Result score(GoldTopics gold, TopicModel model, TermAnalyzer analyzer, String method, double seconds) {
    List<TopicId> predicted = new ArrayList<>(gold.documents().size());
    for (var d : gold.documents()) {
      DocumentTopics dt = model.training().get(d.id());
      if (dt == null) throw new IllegalStateException("model has no training topics for " + d.id());
      predicted.add(dt.mix().top());
    }
    double nmi = ClusterAgreement.nmi(gold.labels(), predicted);
    double ari = ClusterAgreement.ari(gold.labels(), predicted);
    Coherence coherence = new Coherence(PreparedCorpus.of(gold.documents(), analyzer).contentTokens(analyzer));
    List<List<String>> terms = new ArrayList<>();
    for (Topic t : model.topics()) terms.add(t.topTerms().subList(0, Math.min(10, t.topTerms().size())));
    double npmi = coherence.meanNpmi(terms);
    return new Result(method, gold.documents().size(), model.topics().size(), nmi, ari, npmi, seconds);
  }
}
