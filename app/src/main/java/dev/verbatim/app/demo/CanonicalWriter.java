package dev.verbatim.app.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Streams canonical feedback records (shared/formats/feedback.md) for benchmarks: every record is
 * planned and written on its own from a random source seeded by its index, so memory stays flat
 * and record {@code i} is the same whatever {@code n}.
 */
final class CanonicalWriter {
  private final DemoSettings settings;
  private final AccountBook book;
  private final Planner planner;

  CanonicalWriter(DemoSettings settings) {
    this.settings = settings;
    this.book = AccountBook.build(settings);
    this.planner = new Planner(settings, book);
  }

  long write(JsonGenerator g, long n) throws IOException {
    long base = settings.seed() * 0xD1B54A32D192ED03L;
    for (long i = 0; i < n; i++) {
      record(g, i, new SplittableRandom(base + i * 0x632BE59BD9B4E019L));
      g.writeRaw('\n');
    }
    return n;
  }

  private void record(JsonGenerator g, long i, SplittableRandom rnd) throws IOException {
    var it = new Planner.Item();
    int x = rnd.nextInt(100);
    it.ch = x < 30 ? Planner.Ch.TICKET : x < 58 ? Planner.Ch.CHAT : x < 82 ? Planner.Ch.REVIEW : Planner.Ch.SURVEY;
    it.time = planner.instant(settings.start(), settings.end(), rnd);
    if (it.ch == Planner.Ch.REVIEW && rnd.nextInt(100) < 8) {
      int l = rnd.nextInt(4);
      it.lang = l < 2 ? "es" : l == 2 ? "fr" : "de";
    }
    it.segs = planner.drawSegments(it, null, rnd);
    planner.finishItem(it, rnd);
    AccountBook.Account account = it.ch != Planner.Ch.REVIEW && rnd.nextInt(100) < 95
        ? book.accounts.get(rnd.nextInt(book.accounts.size())) : null;
    AccountBook.Person person = account != null ? account.people().get(rnd.nextInt(account.people().size())) : null;
    var text = new SplittableRandom(it.textSeed);
    var ctx = new Slots.Context(person != null ? person.first() : Slots.pick(Slots.FIRST_NAMES, text),
        Slots.pick(Slots.AGENTS, text), account != null ? account.name() : "our company");

    g.writeStartObject();
    String prefix = switch (it.ch) {
      case TICKET -> "T-";
      case CHAT -> "C-";
      case REVIEW -> "R-";
      case SURVEY -> "S-";
    };
    g.writeStringField("id", prefix + i);
    g.writeStringField("source", switch (it.ch) {
      case TICKET -> "zendesk";
      case CHAT -> "intercom";
      case REVIEW -> "google-play";
      case SURVEY -> "nps-survey";
    });
    g.writeStringField("channel", it.ch == Planner.Ch.TICKET ? "ticket" : it.ch == Planner.Ch.CHAT ? "chat"
        : it.ch == Planner.Ch.REVIEW ? "review" : "survey");
    g.writeStringField("event_time", ZendeskWriter.iso(it.time));
    if (account != null) g.writeStringField("account_id", account.id());
    if (person != null) g.writeStringField("customer_id", "u-" + person.userId());
    switch (it.ch) {
      case TICKET -> {
        Theme primary = it.segs.get(0).theme();
        String subject = Voice.finish(primary.subjects().get(text.nextInt(primary.subjects().size())).expand(text, Slots.filler(ctx)));
        g.writeStringField("subject", subject.endsWith(".") ? subject.substring(0, subject.length() - 1) : subject);
        g.writeArrayFieldStart("turns");
        turn(g, "customer", Voice.customer(it.segs, it.length, Voice.Style.TICKET, it.pii, ctx, text));
        turn(g, "agent", Voice.agent(primary, ctx, text));
        if (text.nextInt(3) == 0) turn(g, "customer", Voice.followUp(!it.sentiment.equals("negative"), Voice.Style.TICKET, ctx, text));
        g.writeEndArray();
      }
      case CHAT -> {
        g.writeArrayFieldStart("turns");
        if (text.nextBoolean()) turn(g, "bot", Voice.line("_bot", ctx, text));
        turn(g, "customer", Voice.customer(it.segs, it.length, Voice.Style.CHAT, it.pii, ctx, text));
        turn(g, "agent", Voice.agent(it.segs.get(0).theme(), ctx, text));
        g.writeEndArray();
      }
      case REVIEW -> {
        g.writeStringField("text", it.lang.equals("en")
            ? Voice.customer(it.segs, it.length, Voice.Style.REVIEW, it.pii, ctx, text)
            : Voice.foreign(it.segs, it.lang, text));
        g.writeNumberField("rating", it.rating);
        g.writeStringField("rating_scale", "stars");
      }
      case SURVEY -> {
        g.writeStringField("text", Voice.customer(it.segs, it.length, Voice.Style.SURVEY, it.pii, ctx, text));
        g.writeNumberField("rating", it.rating);
        g.writeStringField("rating_scale", "nps");
      }
    }
    g.writeStringField("language", it.lang);
    g.writeEndObject();
  }

  private static void turn(JsonGenerator g, String speaker, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("speaker", speaker);
    g.writeStringField("text", text);
    g.writeEndObject();
  }
}
