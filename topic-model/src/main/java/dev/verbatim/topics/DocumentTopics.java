package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of one record: its mix, and the topic each sentence raised (in sentence order), so a
 * later stage can attach each sentence's sentiment to the topic it raised.
 *
 * @param id the document id
 * @param mix the document's topic mix
 * @param sentences the sentences the module used (the document's own, or its own split)
 * @param sentenceTopics one topic per sentence, same order as {@code sentences}
 */
public record DocumentTopics(
    String id, TopicMix mix, List<String> sentences, List<TopicId> sentenceTopics) {
  public DocumentTopics {
    requireNonNull(id, "id");
    requireNonNull(mix, "mix");
    sentences = List.copyOf(sentences);
    sentenceTopics = List.copyOf(sentenceTopics);
    if (sentences.size() != sentenceTopics.size()) {
      throw new IllegalArgumentException(
          sentences.size() + " sentences but " + sentenceTopics.size() + " sentence topics");
    }
  }

  /**
   * The same record with its topic ids renamed by {@code mapping} (ids not in it stay); weights of
   * ids mapped onto one id add up, so the mix still sums to 1.
   */
  public DocumentTopics withIds(Map<TopicId, TopicId> mapping) {
    Map<TopicId, Double> weights = new HashMap<>();
    mix.weights().forEach((k, v) -> weights.merge(mapping.getOrDefault(k, k), v, Double::sum));
    return new DocumentTopics(id, new TopicMix(weights), sentences,
        sentenceTopics.stream().map(t -> mapping.getOrDefault(t, t)).toList());
  }

  /** Every record of {@code byId} renamed by {@code mapping}, in the same order. */
  public static Map<String, DocumentTopics> withIds(
      Map<String, DocumentTopics> byId, Map<TopicId, TopicId> mapping) {
    Map<String, DocumentTopics> renamed = new LinkedHashMap<>();
    byId.forEach((id, dt) -> renamed.put(id, dt.withIds(mapping)));
    return renamed;
  }
}
