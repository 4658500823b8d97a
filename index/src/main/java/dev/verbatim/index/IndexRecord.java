package dev.verbatim.index;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Redacted;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code index} stage writes: a redacted record plus what later stages and the accounts
 * file add to it. Build one with {@link #of(Redacted)} and the {@code with*} methods.
 *
 * @param redacted the record, PII already masked
 * @param sentimentLabel document sentiment, {@code negative}, {@code neutral} or {@code positive};
 *     {@code null} if not scored
 * @param sentimentScore document sentiment score as the scorer gives it (e.g. -1..1); ignored when
 *     {@code sentimentLabel} is {@code null}
 * @param topicIds the topic ids assigned to the record, most relevant first; empty if none
 * @param segment the account's segment from accounts.csv (e.g. {@code enterprise}), if known
 * @param plan the account's plan from accounts.csv (e.g. {@code pro}), if known
 */
public record IndexRecord(
    Redacted redacted,
    @Nullable String sentimentLabel,
    double sentimentScore,
    List<String> topicIds,
    @Nullable String segment,
    @Nullable String plan) {

  /** The sentiment labels the index accepts. */
  public static final Set<String> SENTIMENT_LABELS = Set.of("negative", "neutral", "positive");

  public IndexRecord {
    requireNonNull(redacted, "redacted");
    topicIds = List.copyOf(topicIds);
    if (sentimentLabel != null && !SENTIMENT_LABELS.contains(sentimentLabel)) {
      throw new IllegalArgumentException(
          "sentiment label '" + sentimentLabel + "' is not one of negative, neutral, positive");
    }
    for (String t : topicIds) {
      if (t.isBlank()) throw new IllegalArgumentException("blank topic id in " + redacted.id());
    }
  }

  /** A record without sentiment, topics or account facts. */
  public static IndexRecord of(Redacted redacted) {
    return new IndexRecord(redacted, null, 0, List.of(), null, null);
  }

  /** This record with document sentiment {@code label} (negative|neutral|positive) and score. */
  public IndexRecord withSentiment(String label, double score) {
    return new IndexRecord(redacted, label, score, topicIds, segment, plan);
  }

  /** This record with {@code topicIds}. */
  public IndexRecord withTopics(List<String> ids) {
    return new IndexRecord(redacted, sentimentLabel, sentimentScore, ids, segment, plan);
  }

  /** This record with the account's segment and plan (either may be {@code null}). */
  public IndexRecord withAccount(@Nullable String segment, @Nullable String plan) {
    return new IndexRecord(redacted, sentimentLabel, sentimentScore, topicIds, segment, plan);
  }
}
