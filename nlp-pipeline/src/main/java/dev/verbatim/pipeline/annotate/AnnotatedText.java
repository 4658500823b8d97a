package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split into sentences and tokens once, for every later stage to reuse (sentiment, topics,
 * index). No stage re-tokenises.
 *
 * @param text the text that was annotated; all offsets index into it
 * @param sentences its sentences, in order; empty for blank text
 */
public record AnnotatedText(String text, List<Sentence> sentences) {
  public AnnotatedText {
    requireNonNull(text, "text");
    sentences = List.copyOf(sentences);
  }

  /** Every token of every sentence, in order. */
  public List<Token> tokens() {
    var all = new ArrayList<Token>();
    for (Sentence s : sentences) {
      all.addAll(s.tokens());
    }
    return all;
  }

  /** Lemmas of the word tokens, in order: what the topic model consumes. */
  public List<String> wordLemmas() {
    var out = new ArrayList<String>();
    for (Sentence s : sentences) {
      for (Token t : s.tokens()) {
        if (t.kind() == Token.Kind.WORD) {
          out.add(t.lemma());
        }
      }
    }
    return out;
  }
}
