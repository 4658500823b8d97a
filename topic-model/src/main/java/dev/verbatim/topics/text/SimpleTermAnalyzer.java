package dev.verbatim.topics.text;

import dev.verbatim.topics.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenizes on letters, digits and in-word apostrophes; lower-cases with {@link Locale#ROOT};
 * drops {@code @handles}, URLs, {@code &amp;}-style HTML entities and tokens of one char; folds a
 * few regular plurals ({@code cards → card}, not {@code status}). No lemmatizer: the annotate
 * stage's lemmas will replace this later. Thread-safe, linear time.
 */
public final class SimpleTermAnalyzer implements TermAnalyzer {
  private static final int MAX_TOKEN = 40;

  @Override
  public List<String> tokens(String sentence) {
    List<String> out = new ArrayList<>();
    int n = sentence.length();
    int i = 0;
    while (i < n) {
      char c = sentence.charAt(i);
      if (c == '@') { // handles: @united
        i = skipNonSpace(sentence, i);
        continue;
      }
      if (c == '&') { // HTML entity like &amp; &lt;
        int j = i + 1;
        while (j < n && j - i < 10 && Character.isLetterOrDigit(sentence.charAt(j))) j++;
        if (j < n && sentence.charAt(j) == ';') {
          i = j + 1;
          continue;
        }
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n) {
        char d = sentence.charAt(j);
        if (Character.isLetterOrDigit(d)) {
          j++;
        } else if ((d == '\'' || d == '’') && j + 1 < n && Character.isLetter(sentence.charAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      String raw = sentence.substring(i, j);
      if (j + 2 < n && (raw.equals("http") || raw.equals("https")) && sentence.charAt(j) == ':') {
        i = skipNonSpace(sentence, j);
        continue;
      }
      i = j;
      if (raw.length() < 2 || raw.length() > MAX_TOKEN) continue;
      String t = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
      if (t.endsWith("'s")) t = t.substring(0, t.length() - 2);
      if (t.chars().allMatch(Character::isDigit)) continue;
      if (t.startsWith("xx")) continue; // CFPB-style redaction placeholders (XX/XX/XXXX)
      out.add(fold(t));
    }
    return out;
  }

  @Override
  public boolean isStopword(String token) {
    return Stopwords.ENGLISH.contains(token);
  }

  private static int skipNonSpace(String s, int i) {
    int n = s.length();
    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  private static final Set<String> KEEP_S =
      Set.of("status", "bus", "gas", "yes", "this", "was", "has", "is", "us", "its", "plus", "less",
          "process", "address", "access", "business", "loss", "miss", "pass", "class", "express",
          "always", "perhaps", "thanks", "news", "series", "various", "previous", "serious",
          "does", "goes", "days", "saas", "bonus", "virus", "focus", "minus", "campus", "crisis", "analysis");

  /** Folds regular English plurals: {@code cards → card}, {@code fees → fee}, {@code charges → charge}. */
  static String fold(String t) {
    if (t.length() <= 3 || !t.endsWith("s") || KEEP_S.contains(t)) return t;
    if (t.endsWith("ss") || t.endsWith("us") || t.endsWith("is")) return t;
    if (t.endsWith("ies") && t.length() > 4) return t.substring(0, t.length() - 3) + "y";
    if (t.endsWith("shes") || t.endsWith("ches") || t.endsWith("xes") || t.endsWith("zzes")) {
      return t.substring(0, t.length() - 2); // crashes → crash, matches → match, boxes → box
    }
    return t.substring(0, t.length() - 1);
  }
}
