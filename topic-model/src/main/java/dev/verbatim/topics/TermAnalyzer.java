package dev.verbatim.topics;

import java.util.List;

/**
 * Turns one sentence into normalised tokens (lower-case words, lemmas when available), stopwords
 * kept: phrase labels need them as boundaries and the module filters them itself. This is the seam
 * where the annotate stage's lemmas can be fed in later; until then {@code
 * text.SimpleTermAnalyzer} tokenizes on its own. Implementations are thread-safe and never throw
 * on odd text.
 */
public interface TermAnalyzer {
  /** Returns the tokens of {@code sentence}, in order; empty for a sentence with no words. */
  List<String> tokens(String sentence);

  /** Returns whether {@code token} is a stopword (excluded from top terms and phrase ends). */
  boolean isStopword(String token);
}
