package dev.verbatim.pipeline.clean;

import java.text.Normalizer;

/**
 * Normalises one line of customer text: control and invisible format characters removed, every
 * run of whitespace (including no-break and ideographic spaces) collapsed to one space, trimmed,
 * then Unicode NFC. Unpaired surrogates and non-characters are dropped. Never adds or removes a
 * line break: callers pass single lines, and {@code \n} inside a line becomes a space.
 *
 * <p>Linear in the length of the line; stateless and thread-safe.
 */
public final class LineNormalizer {

  private LineNormalizer() {}

  /** Returns {@code line} normalised; may be empty. */
  public static String normalize(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean pendingSpace = false;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(line.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, line.charAt(i + 1));
          i++;
          if (dropped(cp)) continue;
          if (pendingSpace && !out.isEmpty()) out.append(' ');
          pendingSpace = false;
          out.appendCodePoint(cp);
        }
        continue; // unpaired high surrogate
      }
      if (Character.isLowSurrogate(c)) continue; // unpaired low surrogate
      if (isSpace(c)) {
        pendingSpace = true;
        continue;
      }
      if (dropped(c)) continue;
      if (pendingSpace && !out.isEmpty()) out.append(' ');
      pendingSpace = false;
      out.append(c);
    }
    String s = out.toString();
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
        || c == '\u0085' || Character.isSpaceChar(c);
  }

  /** Controls, invisible format characters that carry no meaning here, and non-characters. */
  private static boolean dropped(int cp) {
    if (cp == 0x200D || cp == 0x200C) return false; // (non-)joiners: emoji sequences, Persian, Indic
    int type = Character.getType(cp);
    if (type == Character.CONTROL || type == Character.FORMAT) return true;
    return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
  }
}
