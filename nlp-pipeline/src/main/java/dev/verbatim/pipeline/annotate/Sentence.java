package dev.verbatim.pipeline.annotate;

import java.util.List;

/**
 * One sentence of an annotated text.
 *
 * @param start offset of its first character
 * @param end offset after its last character
 * @param tokens its tokens, in order
 */
public record Sentence(int start, int end, List<Token> tokens) {
  public Sentence {
    tokens = List.copyOf(tokens);
  }
}
