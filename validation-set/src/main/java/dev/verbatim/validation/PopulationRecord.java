package dev.verbatim.validation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scored record of the population a sample is drawn from.
 *
 * @param id the feedback id (unique in the population)
 * @param text the redacted customer text shown to reviewers
 * @param channel ticket, chat, review, survey (or any grouping; used as a stratum dimension)
 * @param predicted the sentiment scorer's label
 * @param score the scorer's document score in [-1, 1]
 * @param confidence the scorer's confidence in [0, 1]
 * @param topicIds the topics assigned to the record, most likely first; empty if none
 * @param secondOpinion a second scorer's label, for disagreement sampling; null if none
 * @param seededTheme a seeded theme that matched the record, for topic disagreement; null if none
 * @param turns the conversation around the text (customer, agent and bot turns, redacted), shown to
 *     reviewers as context; empty for single texts (reviews, surveys)
 */
public record PopulationRecord(
    String id,
    String text,
    String channel,
    SentimentLabel predicted,
    double score,
    double confidence,
    List<String> topicIds,
    @Nullable SentimentLabel secondOpinion,
    @Nullable String seededTheme,
    List<Turn> turns) {
  public PopulationRecord {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    requireNonNull(channel, "channel");
    requireNonNull(predicted, "predicted");
    topicIds = List.copyOf(topicIds);
    turns = List.copyOf(turns);
    if (!Double.isFinite(score)) {
      score = 0;
    }
    if (!Double.isFinite(confidence)) {
      confidence = 0;
    }
  }

  /** A record without conversation turns. */
  public PopulationRecord(String id, String text, String channel, SentimentLabel predicted, double score,
      double confidence, List<String> topicIds, @Nullable SentimentLabel secondOpinion, @Nullable String seededTheme) {
    this(id, text, channel, predicted, score, confidence, topicIds, secondOpinion, seededTheme, List.of());
  }

  /** This record with a second scorer's label (for disagreement sampling). */
  public PopulationRecord withSecondOpinion(@Nullable SentimentLabel second) {
    return new PopulationRecord(id, text, channel, predicted, score, confidence, topicIds, second, seededTheme, turns);
  }

  /** This record with the conversation turns around its text. */
  public PopulationRecord withTurns(List<Turn> context) {
    return new PopulationRecord(id, text, channel, predicted, score, confidence, topicIds, secondOpinion, seededTheme,
        context);
  }

  /** A record with a label and confidence only (no topics, no second opinion). */
  public static PopulationRecord of(
      String id, String text, String channel, SentimentLabel predicted, double confidence) {
    return new PopulationRecord(id, text, channel, predicted, 0, confidence, List.of(), null, null);
  }

  /** The first topic id, or {@code "none"}. */
  public String topTopic() {
    return topicIds.isEmpty() ? "none" : topicIds.get(0);
  }

  /** This record as the input of a {@link SentimentModel}. */
  public ScoredText scored() {
    return new ScoredText(text, predicted, score, confidence);
  }
}
