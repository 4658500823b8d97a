package dev.verbatim.pipeline.annotate;

/**
 * Splits a text into sentences and tokens with lemmas. Implementations are thread-safe and never
 * throw on customer text.
 */
public interface Annotator {

  /** Annotates {@code text}; offsets in the result index into it. */
  AnnotatedText annotate(String text);
}
