package dev.verbatim.app.cli;

/** Makes hostile customer text safe to print on a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Returns {@code text} on one line, without control characters (so no escape sequence in a record
   * can move the cursor or recolour the terminal), cut to {@code max} characters.
   */
  static String snippet(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT && c != '\u200d') {
        space = sb.length() > 0;
        continue;
      }
      if (space) sb.append(' ');
      space = false;
      sb.append(c);
    }
    if (sb.length() >= max) sb.append('…');
    return sb.toString();
  }
}
