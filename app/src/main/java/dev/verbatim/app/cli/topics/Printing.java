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
    String s = String.format(Locale.ROOT, "model %d: %d topics (%d fitted%s) on %,d records in %.1f s; the inference"
        + " model agrees with the fit on %.1f%% of them", f.version(), f.topics(), f.fitted(),
        "kept".equals(f.k()) ? ", the current K kept because the taxonomy has edits; --topics K to choose another" : "",
        f.records(), f.seconds(), 100 * f.agreement());
    RefitReport r = f.report();
    if (r != null) {
      s += String.format(Locale.ROOT, "%nrefit: %d kept, added %s, vanished %s, merged %s, split %s", r.kept().size(),
          r.added(), r.vanished(), r.merged().stream().map(m -> m.from() + "->" + m.into()).toList(),
          r.split().stream().map(m -> m.from() + "->" + m.part()).toList());
    }
    return s + orphaned(f.orphaned());
  }

  /**
   * The edits a fit left without their topic, each with what happened and what to do; empty if
   * none. Analysts' labels are shown made safe.
   */
  static String orphaned(java.util.List<dev.verbatim.topics.fit.OrphanedEdit> orphaned) {
    if (orphaned.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%nWARNING: %d edit(s) of the taxonomy no longer apply (kept in taxonomy.json; they apply again if a"
            + " refit brings their topic back):", orphaned.size()));
    for (var o : orphaned) {
      sb.append(String.format(Locale.ROOT, "%n  - %s%n    to do: %s", safe(o.describe(), 200), o.advice()));
    }
    return sb.toString();
  }
}
