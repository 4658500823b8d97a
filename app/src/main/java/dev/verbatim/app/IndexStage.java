package dev.verbatim.app;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.annotate.Annotated;
import dev.verbatim.pipeline.annotate.Sentiment;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's {@code index} stage as wired here: joins an annotated record with its account's
 * segment and plan, and writes it through the {@link FeedbackIndexer}. Sentiment is indexed only
 * for text the English models can read ({@code en}, or {@code und} for text too short to tell);
 * other languages are indexed and counted but carry no sentiment label.
 */
final class IndexStage implements Stage<Annotated, Annotated> {
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
    this.indexer = indexer;
    this.accounts = Map.copyOf(accounts);
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
  public Outcome<Annotated> apply(Annotated a) {
    Redacted r = a.redacted();
    IndexRecord record = IndexRecord.of(r);
    if (SCORED_LANGUAGES.contains(r.language())) {
      Sentiment s = a.sentiment().document();
      record = record.withSentiment(s.label().wireName(), s.score(), s.confidence());
    }
    AccountFacts facts = r.accountId() == null ? null : accounts.get(r.accountId());
    if (facts != null) record = record.withAccount(facts.segment(), facts.plan());
    return switch (indexer.apply(record)) {
      case Outcome.Ok<IndexRecord> ok -> {
        languages.computeIfAbsent(r.language(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        if (r.duplicateOf() != null) duplicates.increment();
        yield Outcome.ok(a);
      }
      case Outcome.Rejected<IndexRecord> no -> Outcome.reject(no.reason(), no.detail());
    };
  }
}
