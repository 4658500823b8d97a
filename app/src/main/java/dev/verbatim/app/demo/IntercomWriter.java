package dev.verbatim.app.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Writes chats in an Intercom export's shape ({@code conversation.list} of conversations with a
 * {@code source} and {@code conversation_parts}: user, bot and admin comments, assignments, notes,
 * closes; HTML bodies; Unix-second times), streaming one conversation at a time.
 */
final class IntercomWriter {
  private final AccountBook book;

  IntercomWriter(AccountBook book) {
    this.book = book;
  }

  void write(List<Planner.Item> chats, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "conversation.list");
    g.writeArrayFieldStart("conversations");
    for (Planner.Item it : chats) conversation(it, g);
    g.writeEndArray();
    g.writeEndObject();
  }

  private void conversation(Planner.Item it, JsonGenerator g) throws IOException {
    var rnd = new SplittableRandom(it.textSeed);
    String contactId;
    @Nullable String externalId;
    String first;
    String company;
    if (it.account >= 0) {
      AccountBook.Account a = book.accounts.get(it.account);
      AccountBook.Person p = a.people().get(it.person);
      contactId = p.contactId();
      externalId = "u-" + p.userId();
      first = p.first();
      company = a.name();
    } else {
      contactId = String.format(Locale.ROOT, "%08x", rnd.nextInt() & 0x7fffffff);
      externalId = null;
      first = Slots.pick(Slots.FIRST_NAMES, rnd);
      company = "our company";
    }
    String adminId = Integer.toString(990 + rnd.nextInt(Slots.AGENTS.size()));
    var ctx = new Slots.Context(first, Slots.AGENTS.get(Integer.parseInt(adminId) - 990), company);
    boolean empty = it.segs.isEmpty();
    String text = empty ? "" : Voice.customer(it.segs, it.length, Voice.Style.CHAT, it.pii, ctx, rnd);
    List<String> chunks = empty ? List.of("") : chunks(text, rnd);
    long t = it.time.getEpochSecond();
    long partId = Long.parseLong(it.id) * 10 - 2_000_000_000L;

    g.writeStartObject();
    g.writeStringField("type", "conversation");
    g.writeStringField("id", it.id);
    if ("bad_created_at".equals(it.malformed)) {
      g.writeStringField("created_at", rnd.nextBoolean() ? "yesterday" : "2026-02-30 25:61");
    } else {
      g.writeNumberField("created_at", t);
    }
    g.writeObjectFieldStart("contacts");
    g.writeStringField("type", "contact.list");
    g.writeArrayFieldStart("contacts");
    g.writeStartObject();
    g.writeStringField("type", "contact");
    g.writeStringField("id", contactId);
    if (externalId != null) g.writeStringField("external_id", externalId);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("custom_attributes");
    if (it.account >= 0) g.writeStringField("account_id", book.accounts.get(it.account).id());
    g.writeEndObject();
    g.writeObjectFieldStart("source");
    g.writeStringField("type", "conversation");
    g.writeStringField("id", Long.toString(partId++));
    g.writeStringField("delivered_as", "customer_initiated");
    g.writeStringField("body", Html.paragraphs(chunks.get(0)));
    author(g, "user", contactId, first);
    g.writeEndObject();

    g.writeObjectFieldStart("conversation_parts");
    g.writeStringField("type", "conversation_part.list");
    g.writeArrayFieldStart("conversation_parts");
    int parts = 0;
    if (rnd.nextInt(10) < 6) {
      t += 3 + rnd.nextInt(20);
      part(g, partId++, "comment", t, "<p>" + Html.escape(Voice.line("_bot", ctx, rnd)) + "</p>", "bot", "814860", null);
      parts++;
    }
    for (int i = 1; i < chunks.size(); i++) {
      t += 20 + rnd.nextInt(120);
      part(g, partId++, "comment", t, Html.paragraphs(chunks.get(i)), "user", contactId, null);
      parts++;
    }
    t += 5 + rnd.nextInt(600);
    part(g, partId++, "assignment", t, null, "admin", adminId, null);
    parts++;
    if (rnd.nextInt(10) < 3) {
      t += 10 + rnd.nextInt(300);
      part(g, partId++, "note", t, "<p>" + Html.escape(Voice.line("_note", ctx, rnd)) + "</p>", "admin", adminId, null);
      parts++;
    }
    t += 30 + rnd.nextInt(3600);
    Theme primary = empty ? Themes.get().byId("support") : it.segs.get(0).theme();
    String reply = Html.paragraphs(Voice.agent(empty ? new Voice.Segment(primary, Theme.Tone.REQ) : it.segs.get(0), ctx, rnd));
    if (rnd.nextInt(5) == 0) {
      reply = reply + "<p>More here: <a href=\"https://help.example.com/articles/" + (1000 + rnd.nextInt(9000))
          + "\">help article</a></p>";
    }
    part(g, partId++, "comment", t, reply, "admin", adminId, null);
    parts++;
    if (!empty && rnd.nextInt(10) < 5) {
      t += 30 + rnd.nextInt(1800);
      boolean satisfied = !it.sentiment.equals("negative") || rnd.nextInt(3) == 0;
      part(g, partId++, "comment", t, "<p>" + Html.escape(Voice.followUp(satisfied, Voice.Style.CHAT, ctx, rnd)) + "</p>",
          "user", contactId, null);
      parts++;
    }
    if (rnd.nextInt(10) < 4) {
      t += 60 + rnd.nextInt(600);
      part(g, partId++, "close", t, null, "admin", adminId, null);
      parts++;
    }
    g.writeEndArray();
    g.writeNumberField("total_count", parts);
    g.writeEndObject();
    if ("bad_created_at".equals(it.malformed)) g.writeNullField("updated_at");
    else g.writeNumberField("updated_at", t);
    g.writeEndObject();
  }

  /** Splits a chat message into one to three messages at sentence ends; joined they give the text. */
  private static List<String> chunks(String text, SplittableRandom rnd) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ') cuts.add(i + 1);
    }
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      if (out.size() < 2 && rnd.nextInt(3) == 0) {
        out.add(text.substring(from, cut).strip());
        from = cut;
      }
    }
    out.add(text.substring(from).strip());
    return out;
  }

  private static void part(JsonGenerator g, long id, String type, long time, @Nullable String body, String authorType,
      String authorId, @Nullable String name) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "conversation_part");
    g.writeStringField("id", Long.toString(id));
    g.writeStringField("part_type", type);
    g.writeNumberField("created_at", time);
    if (body == null) g.writeNullField("body");
    else g.writeStringField("body", body);
    author(g, authorType, authorId, name);
    g.writeEndObject();
  }

  private static void author(JsonGenerator g, String type, String id, @Nullable String name) throws IOException {
    g.writeObjectFieldStart("author");
    g.writeStringField("type", type);
    g.writeStringField("id", id);
    if (name != null) g.writeStringField("name", name);
    g.writeEndObject();
  }
}

