package dev.verbatim.app.demo;

/** Plain text to the HTML that help-desk and chat tools store, and to Zendesk's plain_body. */
final class Html {
  private Html() {}

  static String escape(String s) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Paragraphs (blank-line separated) to {@code <p>}, single newlines to {@code <br>}. */
  static String paragraphs(String text) {
    var sb = new StringBuilder(text.length() + 32);
    for (String para : text.split("\n\n")) {
      sb.append("<p>").append(escape(para).replace("\n", "<br>")).append("</p>");
    }
    return sb.toString();
  }

  /** Zendesk's plain_body: the text with all whitespace runs collapsed to one space. */
  static String plain(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
