package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One record as topic modelling sees it: its id, its (redacted) customer text and, when an earlier
 * stage split it, its sentences.
 *
 * @param id the record's id, unique within a corpus (e.g. {@code FeedbackId.key()})
 * @param text the customer text; may be empty
 * @param sentences the text's sentences in order, or empty to let the module split the text
 */
public record TopicDocument(String id, String text, List<String> sentences) {
  public TopicDocument {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    sentences = List.copyOf(sentences);
  }

  /** Returns a document whose sentences the module will split itself. */
  public static TopicDocument of(String id, String text) {
    return new TopicDocument(id, text, List.of());
  }
}
