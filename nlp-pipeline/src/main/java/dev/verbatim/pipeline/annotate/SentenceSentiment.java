package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

/**
 * The sentiment of one sentence, located by character offsets into the scored text.
 *
 * @param start offset of the sentence's first character (inclusive)
 * @param end offset after its last character (exclusive)
 * @param sentiment how the sentence feels
 */
public record SentenceSentiment(int start, int end, Sentiment sentiment) {
  public SentenceSentiment {
    requireNonNull(sentiment, "sentiment");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
    }
  }
}
