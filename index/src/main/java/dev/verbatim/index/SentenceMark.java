package dev.verbatim.index;

import static java.util.Objects.requireNonNull;

/**
 * One sentence of a record's redacted text with its sentiment, stored so a record's detail view can
 * show it and topics can be re-tagged from the index alone.
 *
 * @param start offset of its first character in the redacted text
 * @param end offset after its last character
 * @param sentiment negative, neutral or positive
 * @param score the sentence score in [-1, 1]
 */
public record SentenceMark(int start, int end, String sentiment, double score) {
  public SentenceMark {
    requireNonNull(sentiment, "sentiment");
    if (start < 0 || end < start) throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
    if (!IndexRecord.SENTIMENT_LABELS.contains(sentiment)) {
      throw new IllegalArgumentException("sentence sentiment '" + sentiment + "' is not one of negative, neutral, positive");
    }
  }
}
