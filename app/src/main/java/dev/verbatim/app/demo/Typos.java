package dev.verbatim.app.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded human noise for one sentence: swapped, dropped or doubled letters, missing apostrophes,
 * chat shorthand, all-lowercase, a dropped final period. Stateless and thread-safe.
 */
final class Typos {
  private Typos() {}

  static String apply(String s, boolean casual, SplittableRandom rnd) {
    String t = s;
    int ops = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
    for (int i = 0; i < ops; i++) {
      t = switch (rnd.nextInt(casual ? 8 : 6)) {
        case 0 -> swap(t, rnd);
        case 1 -> drop(t, rnd);
        case 2 -> doubled(t, rnd);
        case 3 -> t.replace("'", "");
        case 4 -> t.endsWith(".") ? t.substring(0, t.length() - 1) : swap(t, rnd);
        case 5 -> shorthand(t);
        default -> t.toLowerCase(Locale.ROOT);
      };
    }
    return t;
  }

  private static String shorthand(String t) {
    return t.replace("please", "pls").replace("Please", "Pls").replace(" you ", " u ").replace("thanks", "thx")
        .replace("because", "bc");
  }

  /** Index of a letter inside a word of at least four letters, or -1. */
  private static int letterInWord(String t, SplittableRandom rnd) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int i = 1 + rnd.nextInt(Math.max(1, t.length() - 3));
      if (i + 1 < t.length() && Character.isLowerCase(t.charAt(i)) && Character.isLowerCase(t.charAt(i + 1))
          && Character.isLetter(t.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private static String swap(String t, SplittableRandom rnd) {
    int i = letterInWord(t, rnd);
    if (i < 0) return t;
    return t.substring(0, i) + t.charAt(i + 1) + t.charAt(i) + t.substring(i + 2);
  }

  private static String drop(String t, SplittableRandom rnd) {
    int i = letterInWord(t, rnd);
    if (i < 0) return t;
    return t.substring(0, i) + t.substring(i + 1);
  }

  private static String doubled(String t, SplittableRandom rnd) {
    int i = letterInWord(t, rnd);
    if (i < 0) return t;
    return t.substring(0, i) + t.charAt(i) + t.substring(i);
  }
}
