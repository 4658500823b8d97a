package dev.verbatim.app.cli.topics;

import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.align.RefitReport;
import java.util.Locale;

/** Output helpers: customer text made safe for a terminal, and the refit summary. */
final class Printing {
  private Printing() {}

  /**
   * {@code text} on one line for a terminal: control characters (escape sequences included) and
   * line breaks become spaces, runs of spaces one, cut at {@code max} characters with an ellipsis.
   */
  static String safe(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      boolean blank = Character.isWhitespace(c) || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
      if (blank) {
        if (!space && sb.length() > 0) sb.append(' ');
        space = true;
      } else {
        sb.append(c);
        space = false;
      }
    }
    String s = sb.toString().strip();
    return s.length() < text.strip().length() && s.length() >= max ? s + "…" : s;
  }

  static String summary(TopicWorkspace.FitOutcome f) {
    String s = String.format(Locale.ROOT, "model %d: %d topics (%d fitted) on %,d records in %.1f s; the inference"
        + " model agrees with the fit on %.1f%% of them", f.version(), f.topics(), f.fitted(), f.records(), f.seconds(),
        100 * f.agreement());
    RefitReport r = f.report();
    if (r != null) {
      s += String.format(Locale.ROOT, "%nrefit: %d kept, added %s, vanished %s, merged %s, split %s", r.kept().size(),
          r.added(), r.vanished(), r.merged().stream().map(m -> m.from() + "->" + m.into()).toList(),
          r.split().stream().map(m -> m.from() + "->" + m.part()).toList());
    }
    return s;
  }
}
