package dev.verbatim.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes what customers, agents and bots say: composes a customer message from theme segments
 * (openers, connectors for mixed feelings, sarcasm, context, emoji, typos, planted PII), and the
 * agent, bot and note lines around it. Stateless and thread-safe; every choice comes from the
 * caller's random source, so the same seed gives the same words.
 */
final class Voice {
  private Voice() {}

  /** One theme raised in one tone. */
  record Segment(Theme theme, Theme.Tone tone) {}

  /** How much the customer writes. */
  enum Length {
    SHORT,
    MEDIUM,
    LONG
  }

  /** Where the message is written; drives register, typos and emoji. */
  enum Style {
    TICKET(0.18, 0.0),
    CHAT(0.40, 0.12),
    REVIEW(0.30, 0.15),
    SURVEY(0.25, 0.05);

    final double typoRate;
    final double emojiRate;

    Style(double typoRate, double emojiRate) {
      this.typoRate = typoRate;
      this.emojiRate = emojiRate;
    }
  }

  private static final List<String> EMOJI_NEG = List.of("😤", "😡", "🙄", "😞", "👎", "😩");
  private static final List<String> EMOJI_POS = List.of("👍", "🙏", "😊", "❤️", "🎉", "💯");
  private static final List<String> EMOJI_ASK = List.of("🙏", "🤞", "👀");
  private static final Set<String> KEEP_CAPS =
      Set.of("I", "I'm", "I've", "Im", "Ive", "Okta", "Xero", "Slack", "Shopify", "QuickBooks", "SSO", "SAML",
          "SCIM", "Chrome", "Firefox", "Safari", "Excel", "CSV", "PDF", "Face", "HubSpot", "Salesforce");

  /** Composes a customer message; PII sentences are inserted verbatim (never typo'd). */
  static String customer(
      List<Segment> segs, Length len, Style style, List<Pii.Item> pii, Slots.Context ctx, SplittableRandom rnd) {
    Themes themes = Themes.get();
    Template.SlotFiller slots = Slots.filler(ctx);
    List<String> body = new ArrayList<>();
    boolean anyNeg = false;
    for (int i = 0; i < segs.size(); i++) {
      Segment seg = segs.get(i);
      List<Template> pool = seg.theme().pools().get(seg.tone());
      int k = switch (len) {
        case SHORT -> 1;
        case MEDIUM -> 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
        case LONG -> 2 + rnd.nextInt(2);
      };
      k = Math.min(k, pool.size());
      int first = rnd.nextInt(pool.size());
      for (int j = 0; j < k; j++) {
        String s = finish(pool.get((first + j) % pool.size()).expand(rnd, slots));
        if (i > 0 && j == 0 && !body.isEmpty()) {
          boolean contrast = (segs.get(i - 1).tone() == Theme.Tone.POS) != (seg.tone() == Theme.Tone.POS);
          if (contrast && rnd.nextInt(3) > 0) {
            String prevText = body.get(body.size() - 1);
            if (rnd.nextBoolean() && !prevText.contains(", but ") && !prevText.contains("\"")) {
              String prev = body.remove(body.size() - 1);
              s = stripEnd(prev) + ", but " + lowerFirst(s);
            } else {
              s = themes.say("_connect_contrast", rnd, slots) + " " + lowerFirst(s);
            }
          } else if (!contrast && rnd.nextInt(3) == 0) {
            s = themes.say("_connect_same", rnd, slots) + " " + lowerFirst(s);
          }
        }
        if (rnd.nextDouble() < style.typoRate) s = Typos.apply(s, style == Style.CHAT, rnd);
        body.add(s);
        anyNeg |= seg.tone() == Theme.Tone.NEG || seg.tone() == Theme.Tone.SARC;
      }
    }
    if (!body.isEmpty() && rnd.nextDouble() < style.emojiRate) {
      Theme.Tone last = segs.get(segs.size() - 1).tone();
      List<String> set = switch (last) {
        case POS -> EMOJI_POS;
        case REQ -> EMOJI_ASK;
        case NEG, SARC -> EMOJI_NEG;
      };
      int at = body.size() - 1;
      body.set(at, body.get(at) + " " + Slots.pick(set, rnd));
    }
    if (anyNeg && len != Length.SHORT && rnd.nextInt(7) == 0) body.add(themes.say("_escalate", rnd, slots));
    for (Pii.Item p : pii) body.add(len == Length.LONG ? body.size() : rnd.nextInt(body.size() + 1), p.sentence());

    var out = new StringBuilder(256);
    switch (len) {
      case SHORT, MEDIUM -> {
        if (style == Style.CHAT && rnd.nextInt(4) == 0) out.append(themes.say("_opener", rnd, slots)).append(' ');
        join(body, out);
        if (style == Style.CHAT && rnd.nextInt(5) == 0) out.append(' ').append(themes.say("_closer", rnd, slots));
      }
      case LONG -> {
        if (style == Style.TICKET) {
          longTicket(body, anyNeg, themes, slots, rnd, out);
        } else {
          int split = body.size() > 2 ? 1 + rnd.nextInt(body.size() - 1) : body.size();
          join(body.subList(0, split), out);
          if (split < body.size()) {
            out.append("\n\n");
            join(body.subList(split, body.size()), out);
          }
        }
      }
    }
    return out.toString();
  }

  private static void longTicket(
      List<String> body, boolean anyNeg, Themes themes, Template.SlotFiller slots, SplittableRandom rnd, StringBuilder out) {
    if (rnd.nextInt(5) > 0) out.append(themes.say("_opener", rnd, slots)).append("\n\n");
    if (rnd.nextInt(3) == 0) out.append(themes.say("_context", rnd, slots)).append(' ');
    int split = body.size() > 3 ? 2 + rnd.nextInt(body.size() - 2) : body.size();
    join(body.subList(0, split), out);
    if (split < body.size()) {
      out.append("\n\n");
      join(body.subList(split, body.size()), out);
    }
    if (anyNeg && rnd.nextInt(4) == 0) {
      out.append("\n\nWhat I tried:");
      int n = 2 + rnd.nextInt(2);
      int at = rnd.nextInt(7);
      for (int i = 0; i < n; i++) out.append("\n- ").append(themes.pool("_tried").get((at + i) % 7).expand(rnd, slots));
    }
    if (rnd.nextInt(3) > 0) out.append("\n\n").append(themes.say("_closer", rnd, slots));
  }

  /** A review or comment in another language, built from the themes' foreign phrases. */
  static String foreign(List<Segment> segs, String lang, SplittableRandom rnd) {
    var out = new StringBuilder();
    Template.SlotFiller slots = Slots.filler(new Slots.Context("", "", ""));
    for (Segment s : segs) {
      boolean pos = s.tone() == Theme.Tone.POS;
      List<Template> pool = s.theme().foreign().get(lang + (pos ? "+" : "-"));
      if (pool == null) pool = s.theme().foreign().get(lang + (pos ? "-" : "+"));
      if (pool == null) continue;
      if (!out.isEmpty()) out.append(' ');
      out.append(finish(pool.get(rnd.nextInt(pool.size())).expand(rnd, slots)));
    }
    return out.toString();
  }

  /** An agent's public reply to a message whose first segment is {@code primary}. */
  static String agent(Segment primary, Slots.Context ctx, SplittableRandom rnd) {
    Themes themes = Themes.get();
    Template.SlotFiller slots = Slots.filler(ctx);
    var sb = new StringBuilder();
    String open = themes.say("_agent_open", rnd, slots);
    sb.append(open);
    boolean newPara = rnd.nextInt(10) < 6;
    sb.append(newPara ? "\n\n" : " ");
    Theme theme = primary.theme();
    boolean praiseTheme = theme.id().equals("support") || theme.id().equals("ease_of_use");
    String body;
    if (primary.tone() == Theme.Tone.POS && (praiseTheme || rnd.nextInt(10) < 6)) {
      body = themes.say("_agent_thanks", rnd, slots);
    } else if (primary.tone() != Theme.Tone.POS && praiseTheme) {
      body = themes.say("_agent_sorry", rnd, slots);
    } else {
      List<Template> replies = theme.agentReplies();
      body = replies.get(rnd.nextInt(replies.size())).expand(rnd, slots);
    }
    body = finish(body);
    sb.append(!newPara && open.endsWith(",") ? lowerFirst(body) : body);
    sb.append(rnd.nextBoolean() ? "\n\n" : " ").append(themes.say("_agent_close", rnd, slots));
    return sb.toString();
  }

  /** A customer's short follow-up after an agent's reply. */
  static String followUp(boolean satisfied, Style style, Slots.Context ctx, SplittableRandom rnd) {
    String s = Themes.get().say(satisfied ? "_followup_pos" : "_followup_neg", rnd, Slots.filler(ctx));
    if (rnd.nextDouble() < style.typoRate) s = Typos.apply(s, style == Style.CHAT, rnd);
    return s;
  }

  /** A line from a shared pool such as {@code "_note"} or {@code "_bot"}. */
  static String line(String pool, Slots.Context ctx, SplittableRandom rnd) {
    return Themes.get().say(pool, rnd, Slots.filler(ctx));
  }

  private static void join(List<String> sentences, StringBuilder out) {
    for (int i = 0; i < sentences.size(); i++) {
      if (i > 0) out.append(' ');
      out.append(sentences.get(i));
    }
  }

  static String finish(String s) {
    String t = s.strip();
    // An empty alternative such as "{new|} mobile" leaves two spaces behind.
    while (t.contains("  ")) t = t.replace("  ", " ");
    if (t.isEmpty()) return t;
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    char last = t.charAt(t.length() - 1);
    if (Character.isLetterOrDigit(last) || last == ')' || last == '"') t = t + ".";
    return t;
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && ".!?".indexOf(s.charAt(end - 1)) >= 0) end--;
    return s.substring(0, end);
  }

  static String lowerFirst(String s) {
    int sp = s.indexOf(' ');
    String word = sp < 0 ? s : s.substring(0, sp);
    var letters = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c) || c == '\'') letters.append(c);
    }
    String bare = letters.toString();
    if (KEEP_CAPS.contains(bare) || bare.length() < 2 || !bare.substring(1).equals(bare.substring(1).toLowerCase(Locale.ROOT))) {
      return s;
    }
    for (String b : Slots.BANKS) if (s.startsWith(b)) return s;
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
