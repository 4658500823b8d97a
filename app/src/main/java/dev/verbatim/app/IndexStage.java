package dev.verbatim.app;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.annotate.Annotated;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import dev.verbatim.pipeline.annotate.Sentiment;
import dev.verbatim.index.SentenceMark;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.tag.Topical;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's {@code index} stage as wired here: joins an annotated record with its account's
 * segment and plan, and writes it through the {@link FeedbackIndexer}. Sentiment is indexed only
 * for text the English models can read ({@code en}, or {@code und} for text too short to tell);
 * other languages are indexed and counted but carry no sentiment label. Topic tags come from the
 * {@code topics} stage; each sentence's span and sentiment is stored too (for the record detail view
 * and for re-tagging from the index after a refit).
 */
final class IndexStage implements Stage<Topical, Topical> {
  /** Languages whose sentiment the English scorers may label. */
  static final Set<String> SCORED_LANGUAGES = Set.of("en", "und");

  private final FeedbackIndexer indexer;
  private final Map<String, AccountFacts> accounts;
  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder>
      languages = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.LongAdder duplicates =
      new java.util.concurrent.atomic.LongAdder();

  /** Segment and plan of one account, from accounts.csv. */
  record AccountFacts(@Nullable String segment, @Nullable String plan) {}

  IndexStage(FeedbackIndexer indexer, Map<String, AccountFacts> accounts) {
    this(indexer, accounts, null);
  }

  private final @Nullable SentenceEncoder encoder;
  private final java.util.concurrent.atomic.LongAdder embedded = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder embedNanos = new java.util.concurrent.atomic.LongAdder();

  /**
   * With {@code encoder}, every record is also embedded ({@link Embeddings#text}) for semantic
   * search; the indexer must know the model ({@link FeedbackIndexer#vectorModel}).
   */
  IndexStage(FeedbackIndexer indexer, Map<String, AccountFacts> accounts, @Nullable SentenceEncoder encoder) {
    this.indexer = indexer;
    this.accounts = Map.copyOf(accounts);
    this.encoder = encoder;
  }

  /** What embedding cost, for the run report; empty without an encoder. */
  Map<String, Object> embedding() {
    if (encoder == null) return Map.of();
    double seconds = embedNanos.sum() / 1e9;
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("model", encoder.id());
    m.put("records", embedded.sum());
    m.put("encoder_seconds", Math.round(seconds * 100) / 100.0);
    m.put("records_per_encoder_second", seconds == 0 ? 0 : Math.round(embedded.sum() / seconds));
    return m;
  }

  private float[] embed(Redacted r) {
    String text = Embeddings.text(r);
    long t0 = System.nanoTime();
    float[] v = encoder.encode(List.of(text)).get(0);
    embedNanos.add(System.nanoTime() - t0);
    embedded.increment();
    return v;
  }

  /** Records indexed by language tag, for the run report's language mix. */
  Map<String, Long> languageMix() {
    Map<String, Long> mix = new java.util.TreeMap<>();
    languages.forEach((k, v) -> mix.put(k, v.sum()));
    return mix;
  }

  /** Records indexed as near-duplicates of an earlier one (linked, not dropped). */
  long duplicates() {
    return duplicates.sum();
  }

  @Override
  public String name() {
    return indexer.name();
  }

  @Override
  public Outcome<Topical> apply(Topical t) {
    Annotated a = t.annotated();
    Redacted r = a.redacted();
    IndexRecord record = IndexRecord.of(r);
    if (SCORED_LANGUAGES.contains(r.language())) {
      Sentiment s = a.sentiment().document();
      record = record.withSentiment(s.label().wireName(), s.score(), s.confidence());
      List<SentenceMark> marks = new ArrayList<>(a.sentiment().sentences().size());
      for (SentenceSentiment ss : a.sentiment().sentences()) {
        marks.add(new SentenceMark(ss.start(), ss.end(), ss.sentiment().label().wireName(),
            Math.round(ss.sentiment().score() * 1000) / 1000.0));
      }
      record = record.withSentences(marks);
    }
    if (!t.tags().isEmpty()) record = record.withTopicTags(TopicWorkspace.toIndex(t.tags()));
    AccountFacts facts = r.accountId() == null ? null : accounts.get(r.accountId());
    if (facts != null) record = record.withAccount(facts.segment(), facts.plan());
    if (encoder != null) record = record.withVector(embed(r));
    return switch (indexer.apply(record)) {
      case Outcome.Ok<IndexRecord> ok -> {
        languages.computeIfAbsent(r.language(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        if (r.duplicateOf() != null) duplicates.increment();
        yield Outcome.ok(t);
      }
      case Outcome.Rejected<IndexRecord> no -> Outcome.reject(no.reason(), no.detail());
    };
  }
}
