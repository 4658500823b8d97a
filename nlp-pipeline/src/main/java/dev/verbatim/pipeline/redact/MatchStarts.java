package dev.verbatim.pipeline.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} tried only where a match can begin. {@code find()} tries a pattern at
 * every character, and the redactor's patterns begin with a lookbehind and a large alternation or
 * a character class, so most of their cost is failing at positions where no match could start
 * (a letter where the pattern needs a digit, a word that starts no cue). {@link #find} skips the
 * positions a cheap {@link Gate} rules out and gives the same matches as {@code find()}: it tries
 * the pattern with {@link Matcher#lookingAt()} at each remaining position in turn, with
 * transparent, non-anchoring bounds, so lookbehinds, {@code ^} and {@code \b} see the whole text
 * as {@code find()} would.
 *
 * <p>Every gate must be a necessary condition of a match starting at {@code i} (it may let through
 * positions where none starts, never rule out one where one does); {@link Openings} derives one
 * from the pattern itself.
 */
final class MatchStarts {

  private MatchStarts() {}

  /** A necessary condition for a match of some pattern to start at {@code i} in {@code s}. */
  @FunctionalInterface
  interface Gate {
    boolean mayStart(String s, int i);
  }

  /**
   * The next match of {@code m}'s pattern in {@code s} starting at or after {@code from} at a
   * position {@code gate} lets through: the match {@code find()} would give. {@code m} must be a
   * matcher over {@code s}; afterwards its region is the tail of {@code s} from the match start.
   */
  static boolean find(Matcher m, String s, int from, Gate gate) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = s.length();
    for (int i = from; i < n; i++) {
      if (!gate.mayStart(s, i)) continue;
      m.region(i, n);
      if (m.lookingAt()) return true;
    }
    return false;
  }

  /** Where the next search starts after a match, as {@code find()} does (past an empty match). */
  static int next(Matcher m) {
    return m.end() == m.start() ? m.end() + 1 : m.end();
  }

  static boolean asciiDigit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9';
  }

  /**
   * The first three characters a pattern can begin a match with, found from the pattern itself:
   * an ASCII prefix is possible if the pattern, tried on the prefix alone, matches or runs out of
   * input ({@link Matcher#hitEnd()}). A match starting at {@code i} reads its first characters
   * the same way on the whole text, so a prefix ruled out here rules out a match at {@code i}.
   * Non-ASCII characters are not tabulated: a position whose first characters include one is
   * decided on the shorter ASCII prefix before it. The pattern's lookbehind sees no character
   * before the prefix, so it passes; the caller's text decides it.
   */
  static final class Openings implements Gate {
    private final boolean[] one = new boolean[128];
    private final short[] twoSlot = new short[128 * 128]; // 0 = impossible, else 1 + index into three
    private final long[][] three;

    /**
     * @param pattern a pattern whose matches depend on what precedes them only through negative
     *     lookbehinds (none starts with a positive lookbehind or a word boundary)
     */
    Openings(Pattern pattern) {
      String source = pattern.pattern();
      if (source.contains("(?<=") || source.startsWith("\\b") || source.startsWith("\\B")) {
        throw new IllegalArgumentException("a match of this pattern depends on the text before it: " + source);
      }
      Matcher m = pattern.matcher("");
      int pairs = 0;
      short[] slots = new short[128 * 128];
      for (char a = 0; a < 128; a++) {
        one[a] = possible(m, String.valueOf(a));
        if (!one[a]) continue;
        for (char b = 0; b < 128; b++) {
          if (possible(m, new String(new char[] {a, b}))) slots[a << 7 | b] = (short) ++pairs;
        }
      }
      three = new long[pairs][2];
      for (int ab = 0; ab < slots.length; ab++) {
        if (slots[ab] == 0) continue;
        char a = (char) (ab >>> 7);
        char b = (char) (ab & 127);
        for (char c = 0; c < 128; c++) {
          if (possible(m, new String(new char[] {a, b, c}))) three[slots[ab] - 1][c >>> 6] |= 1L << (c & 63);
        }
      }
      System.arraycopy(slots, 0, twoSlot, 0, slots.length);
    }

    private static boolean possible(Matcher m, String prefix) {
      m.reset(prefix);
      return m.lookingAt() || m.hitEnd();
    }

    @Override
    public boolean mayStart(String s, int i) {
      char a = s.charAt(i);
      if (a >= 128) return true;
      if (!one[a]) return false;
      if (i + 1 >= s.length()) return true;
      char b = s.charAt(i + 1);
      if (b >= 128) return true;
      int slot = twoSlot[a << 7 | b];
      if (slot == 0) return false;
      if (i + 2 >= s.length()) return true;
      char c = s.charAt(i + 2);
      if (c >= 128) return true;
      return (three[slot - 1][c >>> 6] & (1L << (c & 63))) != 0;
    }
  }
}
