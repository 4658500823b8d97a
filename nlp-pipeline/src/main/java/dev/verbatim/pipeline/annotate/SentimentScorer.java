package dev.verbatim.pipeline.annotate;

/**
 * Scores sentiment per sentence and per document.
 *
 * <p>Implementations are thread-safe: one instance is shared by all worker threads. They never
 * throw on customer text (markup, control characters, any language, megabyte lines); text with no
 * signal is {@link Polarity#NEUTRAL} with score 0. Placeholders left by redaction ({@code
 * [EMAIL]}, {@code [PERSON]}) are neutral tokens.
 */
public interface SentimentScorer {

  /** Scores cleaned, redacted customer text; sentence offsets index into {@code text}. */
  DocumentSentiment score(String text);

  /**
   * Scores text that was already split and tokenised, so the scorer can reuse the work. The
   * default ignores the annotation and scores {@code annotated.text()}.
   */
  default DocumentSentiment score(AnnotatedText annotated) {
    return score(annotated.text());
  }

  /**
   * The scorer's running counters for the run report, e.g. sentences that fell back or the share
   * handed to CoreNLP; empty by default.
   */
  default java.util.Map<String, Number> counters() {
    return java.util.Map.of();
  }

  /** Names the scorer and its model version for run reports, e.g. {@code "corenlp-rntn-4.5.10"}. */
  String id();
}
