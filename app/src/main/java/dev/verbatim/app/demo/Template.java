package dev.verbatim.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One parsed phrase template (syntax in {@link PhraseBank}): a tree of literals, alternatives,
 * optional parts and slots, expanded into a {@link StringBuilder} with a seeded random source.
 *
 * <p>Immutable and thread-safe; parsing happens once, expansion allocates nothing but the output.
 */
final class Template {

  /** Fills a named slot; implementations decide the value from the random source. */
  interface SlotFiller {
    void fill(String slot, SplittableRandom rnd, StringBuilder out);
  }

  private sealed interface Node permits Lit, Seq, Alt, Opt, Slot {}

  private record Lit(String text) implements Node {}

  private record Seq(List<Node> parts) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  private record Opt(Node body) implements Node {}

  private record Slot(String name) implements Node {}

  private final Node root;
  private final String source;

  private Template(Node root, String source) {
    this.root = root;
    this.source = source;
  }

  /** Parses {@code source}; throws IllegalArgumentException on unbalanced brackets. */
  static Template parse(String source) {
    var p = new Parser(source);
    Node n = p.seq();
    if (p.pos != source.length()) {
      throw new IllegalArgumentException("unbalanced template at " + p.pos + ": " + source);
    }
    return new Template(n, source);
  }

  /** Expands this template into {@code out}. */
  void expand(SplittableRandom rnd, SlotFiller slots, StringBuilder out) {
    expand(root, rnd, slots, out);
  }

  /** Expands this template into a new string. */
  String expand(SplittableRandom rnd, SlotFiller slots) {
    var sb = new StringBuilder(64);
    expand(rnd, slots, sb);
    return sb.toString();
  }

  private static void expand(Node n, SplittableRandom rnd, SlotFiller slots, StringBuilder out) {
    switch (n) {
      case Lit l -> out.append(l.text());
      case Seq s -> {
        for (Node c : s.parts()) expand(c, rnd, slots, out);
      }
      case Alt a -> expand(a.options().get(rnd.nextInt(a.options().size())), rnd, slots, out);
      case Opt o -> {
        if (rnd.nextBoolean()) expand(o.body(), rnd, slots, out);
      }
      case Slot s -> slots.fill(s.name(), rnd, out);
    }
  }

  @Override
  public String toString() {
    return source;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    /** Parses until '|', '}', ']' or the end. */
    Node seq() {
      List<Node> parts = new ArrayList<>();
      var lit = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '|' || c == '}' || c == ']') break;
        if (c == '{' || c == '[' || (c == '$' && pos + 1 < s.length() && isSlotChar(s.charAt(pos + 1)))) {
          if (!lit.isEmpty()) {
            parts.add(new Lit(lit.toString()));
            lit.setLength(0);
          }
          pos++;
          if (c == '{') {
            List<Node> options = new ArrayList<>();
            options.add(seq());
            while (pos < s.length() && s.charAt(pos) == '|') {
              pos++;
              options.add(seq());
            }
            expect('}');
            parts.add(new Alt(List.copyOf(options)));
          } else if (c == '[') {
            Node body = seq();
            expect(']');
            parts.add(new Opt(body));
          } else {
            int start = pos;
            while (pos < s.length() && isSlotChar(s.charAt(pos))) pos++;
            parts.add(new Slot(s.substring(start, pos)));
          }
        } else {
          lit.append(c);
          pos++;
        }
      }
      if (!lit.isEmpty()) parts.add(new Lit(lit.toString()));
      return parts.size() == 1 ? parts.get(0) : new Seq(List.copyOf(parts));
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + s);
      }
      pos++;
    }

    private static boolean isSlotChar(char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    }
  }
}
