package dev.verbatim.trends;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.RecordFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Facts held in a list: for tests, benchmarks and callers that already have the records. Records
 * need key and text only to be quoted as verbatims. Thread-safe (the list is copied).
 */
public final class InMemoryTrendSource implements TrendSource {
  private final List<RecordFacts> facts;

  /** A source over a copy of {@code facts}. */
  public InMemoryTrendSource(List<RecordFacts> facts) {
    this.facts = List.copyOf(requireNonNull(facts, "facts"));
  }

  @Override
  public void scan(@Nullable Instant until, Consumer<RecordFacts> sink) {
    for (RecordFacts f : facts) {
      if (until != null && f.eventTime() != null && !f.eventTime().isBefore(until)) continue;
      sink.accept(f);
    }
  }

  @Override
  public List<Verbatim> verbatims(
      String topic, @Nullable String polarity, @Nullable Instant since, @Nullable Instant until, int n) {
    List<RecordFacts> matching = new ArrayList<>();
    for (RecordFacts f : facts) {
      if (f.text() == null || f.key() == null || f.duplicate() || f.eventTime() == null) continue;
      if (since != null && f.eventTime().isBefore(since)) continue;
      if (until != null && !f.eventTime().isBefore(until)) continue;
      if (!f.topics().contains(topic)) continue;
      if (polarity != null && !polarity.equals(f.topicSentiment(topic))) continue;
      matching.add(f);
    }
    matching.sort(Comparator.comparing(RecordFacts::eventTime).reversed().thenComparing(RecordFacts::key));
    List<VerbatimChoice.Candidate> candidates = new ArrayList<>();
    for (RecordFacts f : matching) {
      candidates.add(new VerbatimChoice.Candidate(
          new Verbatim(f.key(), f.eventTime(), f.channel(), f.account(), f.text()), f.topics()));
    }
    return VerbatimChoice.choose(candidates, topic, n);
  }
}
