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
