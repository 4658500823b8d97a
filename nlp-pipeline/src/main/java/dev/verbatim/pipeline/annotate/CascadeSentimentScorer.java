package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lets a fast scorer decide where it is confident and hands the rest to a slow, stronger one.
 *
 * <p>A document whose fast confidence is below {@code minConfidence} is scored again by the slow
 * scorer, whose whole result replaces the fast one. If the slow scorer throws, the fast result
 * stands and the failure is counted. {@link #counters()} reports documents, hand-overs and their
 * share. Thread-safe if both scorers are; the cost is the fast scorer's plus the share times the
 * slow one's.
 */
public final class CascadeSentimentScorer implements SentimentScorer {

  private final SentimentScorer fast;
  private final SentimentScorer slow;
  private final double minConfidence;
  private final LongAdder documents = new LongAdder();
  private final LongAdder handedOver = new LongAdder();
  private final LongAdder slowFailures = new LongAdder();

  /**
   * Creates a cascade.
   *
   * @param fast scores every document first
   * @param slow scores documents the fast one is unsure of
   * @param minConfidence fast confidence at or above which the fast result is kept, in [0, 1]
   */
  public CascadeSentimentScorer(SentimentScorer fast, SentimentScorer slow, double minConfidence) {
    this.fast = requireNonNull(fast, "fast");
    this.slow = requireNonNull(slow, "slow");
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence outside [0, 1]: " + minConfidence);
    }
    this.minConfidence = minConfidence;
  }

  @Override
  public DocumentSentiment score(String text) {
    return decide(text, fast.score(text));
  }

  @Override
  public DocumentSentiment score(AnnotatedText annotated) {
    return decide(annotated.text(), fast.score(annotated));
  }

  private DocumentSentiment decide(String text, DocumentSentiment first) {
    documents.increment();
    if (first.document().confidence() >= minConfidence) {
      return first;
    }
    handedOver.increment();
    try {
      return slow.score(text);
    } catch (RuntimeException e) {
      slowFailures.increment();
      return first;
    }
  }

  @Override
  public Map<String, Number> counters() {
    long n = documents.sum();
    long h = handedOver.sum();
    var m = new LinkedHashMap<String, Number>();
    m.put("documents", n);
    m.put("handed_over", h);
    m.put("handed_over_share", n == 0 ? 0.0 : Math.round(h * 10_000.0 / n) / 10_000.0);
    m.put("slow_failures", slowFailures.sum());
    slow.counters().forEach((k, v) -> m.put("slow." + k, v));
    return m;
  }

  @Override
  public String id() {
    return "cascade(" + fast.id() + "@" + minConfidence + "->" + slow.id() + ")";
  }
}
