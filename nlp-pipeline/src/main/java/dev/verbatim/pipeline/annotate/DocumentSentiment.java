package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Sentiment of a whole text and of each of its sentences, in text order. A ticket that praises
 * support and complains about billing keeps both, per sentence.
 *
 * @param document the whole text
 * @param sentences one entry per sentence, in order; empty for empty text
 */
public record DocumentSentiment(Sentiment document, List<SentenceSentiment> sentences) {
  public DocumentSentiment {
    requireNonNull(document, "document");
    sentences = List.copyOf(sentences);
  }
}
