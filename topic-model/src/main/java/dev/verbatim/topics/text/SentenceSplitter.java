package dev.verbatim.topics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at {@code . ! ?} followed by white space, and at line breaks. Crude
 * but safe for any input (linear time, no regex backtracking); caps the number of sentences so a
 * megabyte line cannot blow up the embedding cost. Thread-safe.
 */
public final class SentenceSplitter {
  /** Most sentences kept per document; the rest are merged into the last one. */
  public static final int MAX_SENTENCES = 64;

  /** Longest sentence kept, in chars; longer ones are cut. */
  public static final int MAX_SENTENCE_CHARS = 2000;

  private SentenceSplitter() {}

  /** Returns the non-blank sentences of {@code text}, trimmed; at least one (possibly empty) entry. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end = false;
      if (c == '\n' || c == '\r') {
        end = true;
      } else if ((c == '.' || c == '!' || c == '?') && i + 1 < n && Character.isWhitespace(text.charAt(i + 1))) {
        end = true;
      }
      if (end) {
        add(out, text, start, i + 1);
        start = i + 1;
      }
    }
    add(out, text, start, n);
    if (out.isEmpty()) out.add(text.strip().length() > MAX_SENTENCE_CHARS ? text.strip().substring(0, MAX_SENTENCE_CHARS) : text.strip());
    if (out.size() > MAX_SENTENCES) {
      List<String> capped = new ArrayList<>(out.subList(0, MAX_SENTENCES));
      return capped;
    }
    return out;
  }

  private static void add(List<String> out, String text, int from, int to) {
    String s = text.substring(from, to).strip();
    if (s.isEmpty()) return;
    // A "sentence" of only punctuation (e.g. "...") joins the previous one.
    boolean hasLetterOrDigit = false;
    for (int i = 0; i < s.length() && !hasLetterOrDigit; i++) {
      hasLetterOrDigit = Character.isLetterOrDigit(s.charAt(i));
    }
    if (!hasLetterOrDigit) return;
    if (s.length() > MAX_SENTENCE_CHARS) s = s.substring(0, MAX_SENTENCE_CHARS);
    out.add(s);
  }
}
