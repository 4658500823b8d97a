package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

/**
 * One token of a text.
 *
 * @param text the token as written
 * @param start offset of its first character in the annotated text
 * @param end offset after its last character
 * @param lemma lower-cased dictionary form ({@code text} lower-cased if unknown)
 * @param pos Penn Treebank part-of-speech tag (e.g. {@code NN}), or empty if the annotator does not
 *     tag (the fast {@link RuleBasedAnnotator} does not; wrap it in {@code
 *     corenlp.CoreNlpPosAnnotator} to tag)
 * @param kind what sort of token it is
 */
public record Token(String text, int start, int end, String lemma, String pos, Kind kind) {
  public Token {
    requireNonNull(text, "text");
    requireNonNull(lemma, "lemma");
    requireNonNull(pos, "pos");
    requireNonNull(kind, "kind");
  }

  /** Token classes the tokenizer tells apart; later stages skip all but {@link #WORD}. */
  public enum Kind {
    /** Letters or digits, with inner apostrophes or hyphens ({@code don't}, {@code wi-fi}). */
    WORD,
    /** A number ({@code 42}, {@code 3.5}, {@code $20}). */
    NUMBER,
    /** A redaction placeholder such as {@code [EMAIL]}: neutral, never a topic word. */
    PLACEHOLDER,
    /** A web address. */
    URL,
    /** {@code @handle}. */
    MENTION,
    /** {@code #tag}; its lemma is the tag without {@code #}. */
    HASHTAG,
    /** An emoticon such as {@code :-)} or {@code <3}. */
    EMOTICON,
    /** An emoji (one grapheme, with modifiers and joiners). */
    EMOJI,
    /** Punctuation; runs such as {@code !!!} or {@code ...} are one token. */
    PUNCT
  }
}
