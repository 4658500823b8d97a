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
 * @param sentimentConfidence the calibrated probability that {@code sentimentLabel} is right, in
 *     [0, 1]; {@code NaN} if unknown or not scored
 * @param topics the topics assigned to the record, most relevant first, each with the sentiment of
 *     the sentences that raised it; empty if none
 * @param segment the account's segment from accounts.csv (e.g. {@code enterprise}), if known
 * @param plan the account's plan from accounts.csv (e.g. {@code pro}), if known
 * @param sentences the text's sentences with their sentiment (stored as JSON, for display and for
 *     re-tagging topics from the index); empty if not scored
 * @param vector the record's sentence embedding for semantic search, or {@code null} if not
 *     embedded; written to {@link IndexSchema#VECTOR} (normalised to unit length)
 */
public record IndexRecord(
    Redacted redacted,
    @Nullable String sentimentLabel,
    double sentimentScore,
    double sentimentConfidence,
    List<TopicTag> topics,
    @Nullable String segment,
    @Nullable String plan,
    List<SentenceMark> sentences,
    float @Nullable [] vector) {

  /** The sentiment labels the index accepts. */
  public static final Set<String> SENTIMENT_LABELS = Set.of("negative", "neutral", "positive");

  public IndexRecord {
    requireNonNull(redacted, "redacted");
    topics = List.copyOf(topics);
    sentences = List.copyOf(sentences);
    if (!Double.isNaN(sentimentConfidence) && (sentimentConfidence < 0 || sentimentConfidence > 1)) {
      throw new IllegalArgumentException("sentiment confidence must be in [0, 1]: " + sentimentConfidence);
    }
    if (sentimentLabel != null && !SENTIMENT_LABELS.contains(sentimentLabel)) {
      throw new IllegalArgumentException(
          "sentiment label '" + sentimentLabel + "' is not one of negative, neutral, positive");
    }
    if (topics.stream().map(TopicTag::id).distinct().count() != topics.size()) {
      throw new IllegalArgumentException("a topic id repeats in " + redacted.id());
    }
    if (vector != null) vector = VectorField.checked(vector);
  }

  /** The ids of {@link #topics}, most relevant first. */
  public List<String> topicIds() {
    return topics.stream().map(TopicTag::id).toList();
  }

  /** A record without sentiment, topics or account facts. */
  public static IndexRecord of(Redacted redacted) {
    return new IndexRecord(redacted, null, 0, Double.NaN, List.of(), null, null, List.of(), null);
  }

  /** This record with document sentiment {@code label} (negative|neutral|positive) and score. */
  public IndexRecord withSentiment(String label, double score) {
    return withSentiment(label, score, Double.NaN);
  }

  /** This record with document sentiment, score and calibrated confidence in [0, 1]. */
  public IndexRecord withSentiment(String label, double score, double confidence) {
    return new IndexRecord(redacted, label, score, confidence, topics, segment, plan, sentences, vector);
  }

  /** This record with {@code ids}, equally weighted, without topic-level sentiment. */
  public IndexRecord withTopics(List<String> ids) {
    return withTopicTags(ids.stream().map(id -> new TopicTag(id, 1.0 / ids.size(), null)).toList());
  }

  /** This record with {@code tags}, most relevant first. */
  public IndexRecord withTopicTags(List<TopicTag> tags) {
    return new IndexRecord(
        redacted, sentimentLabel, sentimentScore, sentimentConfidence, tags, segment, plan, sentences,
        vector);
  }

  /** This record marked as a near-duplicate of {@code original} (trends count it once). */
  public IndexRecord withDuplicateOf(dev.verbatim.pipeline.FeedbackId original) {
    return new IndexRecord(
        redacted.withDuplicateOf(original), sentimentLabel, sentimentScore, sentimentConfidence, topics, segment,
        plan, sentences, vector);
  }

  /** This record with the account's segment and plan (either may be {@code null}). */
  public IndexRecord withAccount(@Nullable String segment, @Nullable String plan) {
    return new IndexRecord(
        redacted, sentimentLabel, sentimentScore, sentimentConfidence, topics, segment, plan, sentences,
        vector);
  }

  /**
   * This record with its sentence embedding ({@code null} for none): any non-zero, finite vector;
   * the index stores it scaled to unit length. All records of one index must come from one model.
   */
  public IndexRecord withVector(float @Nullable [] embedding) {
    return new IndexRecord(
        redacted, sentimentLabel, sentimentScore, sentimentConfidence, topics, segment, plan, sentences,
        embedding);
  }

  /** This record with its sentences' sentiment. */
  public IndexRecord withSentences(List<SentenceMark> marks) {
    return new IndexRecord(
        redacted, sentimentLabel, sentimentScore, sentimentConfidence, topics, segment, plan, marks,
        vector);
  }

  /** Equal when every component is, the vector compared by its values (records compare arrays by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRecord r
        && redacted.equals(r.redacted)
        && java.util.Objects.equals(sentimentLabel, r.sentimentLabel)
        && Double.compare(sentimentScore, r.sentimentScore) == 0
        && Double.compare(sentimentConfidence, r.sentimentConfidence) == 0
        && topics.equals(r.topics)
        && java.util.Objects.equals(segment, r.segment)
        && java.util.Objects.equals(plan, r.plan)
        && sentences.equals(r.sentences)
        && java.util.Arrays.equals(vector, r.vector);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(redacted, sentimentLabel, sentimentScore, sentimentConfidence, topics, segment, plan,
        sentences) * 31 + java.util.Arrays.hashCode(vector);
  }
}
