package dev.verbatim.topics.text;

import java.util.regex.Pattern;

/**
 * Prepares a sentence for a sentence encoder: removes {@code @handles} and URLs (they name the
 * addressee or a link, not what the customer talks about, and would pull tweets to the same
 * airline together), decodes the common HTML entities, collapses white space. Thread-safe.
 */
public final class EncoderText {
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@\\w{1,30}");
  private static final Pattern URL = Pattern.compile("https?://\\S{1,500}");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private EncoderText() {}

  /** Returns {@code sentence} without handles and URLs, entities decoded; may be empty. */
  public static String clean(String sentence) {
    String s = URL.matcher(sentence).replaceAll(" ");
    s = HANDLE.matcher(s).replaceAll(" ");
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
