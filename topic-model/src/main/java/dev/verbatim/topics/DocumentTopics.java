package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
}
