package dev.verbatim.pipeline.clean;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a turn's text, plain or HTML, into plain text with its line structure: the form both the
 * cleaner and the redactor work on, so a line number means the same line in both.
 *
 * <p>HTML is parsed with jsoup (linear time, no recursion on deep nesting); {@code script}, {@code
 * style}, {@code head} and similar content is dropped, block elements and {@code <br>} become line
 * breaks, entities are decoded. Plain text only has its entities decoded and its line breaks
 * unified to {@code \n}. Stateless and thread-safe.
 */
public final class Markup {

  /** A tag or comment opener: enough to treat a text as HTML. Bounded, so linear on any input. */
  private static final Pattern LOOKS_LIKE_HTML =
      Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]{0,20}[\\s/>]|/[a-zA-Z][a-zA-Z0-9]{0,20}\\s*>|!--)");

  private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

  private static final Set<String> DROPPED =
      Set.of("script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg", "math");

  private static final Set<String> BLOCK =
      Set.of(
          "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt", "dl",
          "address", "figure", "figcaption", "form", "nav", "aside", "main", "tbody", "thead");

  private Markup() {}

  /** Returns {@code raw} as plain text: markup removed, entities decoded, line breaks {@code \n}. */
  public static String toPlainText(String raw) {
    String text;
    if (raw.indexOf('<') >= 0 && LOOKS_LIKE_HTML.matcher(raw).find()) {
      text = htmlToText(raw);
    } else if (raw.indexOf('&') >= 0 && ENTITY.matcher(raw).find()) {
      text = Parser.unescapeEntities(raw, false);
    } else {
      text = raw;
    }
    return unifyLineBreaks(text);
  }

  private static String unifyLineBreaks(String s) {
    if (s.indexOf('\r') < 0 && s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
      } else if (c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String htmlToText(String html) {
    Element body = Jsoup.parse(html).body();
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(
        new NodeVisitor() {
          private int dropDepth = 0;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (DROPPED.contains(tag)) dropDepth++;
              else if (dropDepth == 0 && BLOCK.contains(tag)) newline(out);
            } else if (dropDepth == 0 && node instanceof TextNode t) {
              out.append(t.getWholeText());
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (DROPPED.contains(tag)) dropDepth--;
              else if (dropDepth == 0 && BLOCK.contains(tag) && !tag.equals("br")) newline(out);
            }
          }
        },
        body);
    return out.toString();
  }

  private static void newline(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\n');
  }
}
