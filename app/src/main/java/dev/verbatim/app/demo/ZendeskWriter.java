package dev.verbatim.app.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes tickets in a Zendesk export's shape ({@code tickets[]} with {@code comments[]}, side-loaded
 * {@code users[]} and {@code organizations[]}), streaming one ticket at a time. Customer comments
 * carry signatures and quoted replies; agents add public replies and private notes.
 */
final class ZendeskWriter {
  /** Quote headers are written in English whatever the default locale. */
  private static final DateTimeFormatter QUOTE_TIME =
      DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final String[] BAD_TIMES = {"2026-02-30T10:15:00Z", "03/14/2026 10:15", "", "not a date", "2026-13-01T09:00:00Z"};
  static final long AGENT_BASE_ID = 9001;
  static final long GUEST_BASE_ID = 800_001;

  private final AccountBook book;
  final long[] signaturePii = new long[Pii.Kind.values().length];

  ZendeskWriter(AccountBook book) {
    this.book = book;
  }

  void write(List<Planner.Item> tickets, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("tickets");
    for (Planner.Item it : tickets) ticket(it, g);
    g.writeEndArray();
    g.writeArrayFieldStart("users");
    for (AccountBook.Account a : book.accounts) {
      for (AccountBook.Person p : a.people()) {
        g.writeStartObject();
        g.writeNumberField("id", p.userId());
        g.writeStringField("role", "end-user");
        g.writeStringField("name", p.first() + " " + p.last());
        g.writeStringField("email", p.email());
        g.writeNumberField("organization_id", a.orgId());
        g.writeEndObject();
      }
    }
    for (Planner.Item it : tickets) {
      if (it.account >= 0) continue;
      Guest guest = guest(it);
      g.writeStartObject();
      g.writeNumberField("id", guest.id);
      g.writeStringField("role", "end-user");
      g.writeStringField("name", guest.first + " " + guest.last);
      g.writeStringField("email", guest.email);
      g.writeEndObject();
    }
    for (int i = 0; i < Slots.AGENTS.size(); i++) {
      g.writeStartObject();
      g.writeNumberField("id", AGENT_BASE_ID + i);
      g.writeStringField("role", "agent");
      g.writeStringField("name", Slots.AGENTS.get(i) + " (Support)");
      g.writeStringField("email", Pii.ascii(Slots.AGENTS.get(i)) + "@support.example.com");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("organizations");
    for (AccountBook.Account a : book.accounts) {
      g.writeStartObject();
      g.writeNumberField("id", a.orgId());
      g.writeStringField("name", a.name());
      g.writeStringField("external_id", a.id());
      g.writeArrayFieldStart("domain_names");
      g.writeString(a.domain());
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private record Guest(long id, String first, String last, String email) {}

  private static Guest guest(Planner.Item it) {
    var r = new SplittableRandom(it.textSeed ^ 0x5DEECE66DL);
    String first = Slots.pick(Slots.FIRST_NAMES, r);
    String last = Slots.pick(Slots.LAST_NAMES, r);
    return new Guest(GUEST_BASE_ID + Long.parseLong(it.id), first, last, Pii.email(first, last, null, r));
  }

  private void ticket(Planner.Item it, JsonGenerator g) throws IOException {
    var rnd = new SplittableRandom(it.textSeed);
    long requester;
    String first;
    String last;
    String company;
    if (it.account >= 0) {
      AccountBook.Account a = book.accounts.get(it.account);
      AccountBook.Person p = a.people().get(it.person);
      requester = p.userId();
      first = p.first();
      last = p.last();
      company = a.name();
    } else {
      Guest guest = guest(it);
      requester = guest.id;
      first = guest.first;
      last = guest.last;
      company = "";
    }
    int agentIdx = rnd.nextInt(Slots.AGENTS.size());
    long agentId = AGENT_BASE_ID + agentIdx;
    var ctx = new Slots.Context(first, Slots.AGENTS.get(agentIdx), company.isEmpty() ? "our company" : company);
    boolean empty = it.segs.isEmpty();
    String text = empty ? "" : Voice.customer(it.segs, it.length, Voice.Style.TICKET, it.pii, ctx, rnd);
    if (!empty && it.length != Voice.Length.SHORT && rnd.nextInt(100) < 35) text = text + signature(first, last, company, rnd);
    Theme primary = empty ? Themes.get().all().get(rnd.nextInt(Themes.get().all().size())) : it.segs.get(0).theme();
    String subject = Voice.finish(primary.subjects().get(rnd.nextInt(primary.subjects().size())).expand(rnd, Slots.filler(ctx)));
    if (subject.endsWith(".")) subject = subject.substring(0, subject.length() - 1);
    if (rnd.nextInt(5) == 0) subject = subject.toLowerCase(Locale.ROOT);

    boolean badTime = "bad_created_at".equals(it.malformed);
    String created = badTime ? BAD_TIMES[rnd.nextInt(BAD_TIMES.length)] : iso(it.time);
    Instant t = it.time;
    long commentId = Long.parseLong(it.id) * 10;

    g.writeStartObject();
    g.writeNumberField("id", Long.parseLong(it.id));
    g.writeStringField("subject", subject);
    g.writeStringField("description", text);
    int st = rnd.nextInt(100);
    g.writeStringField("status", st < 70 ? "solved" : st < 85 ? "closed" : st < 95 ? "open" : "pending");
    g.writeNumberField("requester_id", requester);
    if (it.account >= 0) g.writeNumberField("organization_id", book.accounts.get(it.account).orgId());
    else g.writeNullField("organization_id");
    g.writeNumberField("assignee_id", agentId);
    g.writeStringField("created_at", created);
    g.writeArrayFieldStart("tags");
    if (rnd.nextInt(10) < 6) g.writeString(tag(primary.id()));
    g.writeEndArray();
    g.writeObjectFieldStart("via");
    int v = rnd.nextInt(10);
    g.writeStringField("channel", v < 5 ? "email" : v < 9 ? "web" : "api");
    g.writeEndObject();
    g.writeObjectFieldStart("satisfaction_rating");
    if (it.rating == 1) {
      g.writeStringField("score", "bad");
      if (rnd.nextBoolean()) g.writeStringField("comment", rnd.nextBoolean() ? "Took too long to get an answer." : "Problem not solved.");
    } else if (it.rating == 5) {
      g.writeStringField("score", "good");
    } else {
      g.writeStringField("score", rnd.nextBoolean() ? "offered" : "unoffered");
    }
    g.writeEndObject();

    g.writeArrayFieldStart("comments");
    comment(g, commentId++, requester, true, created, text);
    if (rnd.nextInt(4) == 0) {
      t = t.plus(Duration.ofMinutes(5 + rnd.nextInt(120)));
      comment(g, commentId++, agentId, false, badTime ? created : iso(t), Voice.line("_note", ctx, rnd));
    }
    if (rnd.nextInt(10) < 9) {
      t = t.plus(Duration.ofMinutes(20 + rnd.nextInt(26 * 60)));
      String reply = Voice.agent(empty ? new Voice.Segment(primary, Theme.Tone.REQ) : it.segs.get(0), ctx, rnd);
      comment(g, commentId++, agentId, true, badTime ? created : iso(t), reply);
      if (!empty && rnd.nextInt(100) < 45) {
        Instant agentTime = t;
        t = t.plus(Duration.ofMinutes(10 + rnd.nextInt(48 * 60)));
        boolean satisfied = !it.sentiment.equals("negative") || rnd.nextInt(3) == 0;
        String follow = Voice.followUp(satisfied, Voice.Style.TICKET, ctx, rnd);
        if (rnd.nextInt(10) < 6) follow = follow + "\n\n" + quote(agentTime, ctx.agent(), reply);
        comment(g, commentId++, requester, true, badTime ? created : iso(t), follow);
      }
    }
    g.writeEndArray();
    g.writeStringField("updated_at", badTime ? created : iso(t));
    g.writeEndObject();
  }

  private static void comment(JsonGenerator g, long id, long author, boolean pub, String time, String body)
      throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", "Comment");
    g.writeNumberField("author_id", author);
    g.writeBooleanField("public", pub);
    g.writeStringField("created_at", time);
    g.writeStringField("body", body);
    g.writeStringField("html_body", "<div>" + Html.paragraphs(body) + "</div>");
    g.writeStringField("plain_body", Html.plain(body));
    g.writeArrayFieldStart("attachments");
    g.writeEndArray();
    g.writeEndObject();
  }

  private String signature(String first, String last, String company, SplittableRandom rnd) {
    var sb = new StringBuilder("\n\n");
    sb.append(Slots.pick(List.of("Thanks,", "Best,", "Regards,", "Kind regards,", "Cheers,"), rnd)).append('\n');
    sb.append(first).append(' ').append(last);
    signaturePii[Pii.Kind.PERSON_NAME.ordinal()]++;
    if (!company.isEmpty() && rnd.nextBoolean()) {
      sb.append('\n').append(Slots.pick(List.of("Head of Ops", "Office Manager", "CFO", "Bookkeeper", "Founder"), rnd))
          .append(", ").append(company);
    }
    if (rnd.nextBoolean()) {
      sb.append('\n').append(Pii.phone(rnd));
      signaturePii[Pii.Kind.PHONE.ordinal()]++;
    }
    return sb.toString();
  }

  private static String quote(Instant when, String agent, String reply) {
    var sb = new StringBuilder();
    sb.append("On ").append(QUOTE_TIME.format(when)).append(' ').append(agent)
        .append(" (Support) <support@example.com> wrote:");
    for (String line : reply.split("\n")) sb.append("\n>").append(line.isEmpty() ? "" : " " + line);
    return sb.toString();
  }

  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static String tag(String theme) {
    return switch (theme) {
      case "billing_double_charge", "refunds", "pricing" -> "billing";
      case "bank_sync", "integrations" -> "connections";
      case "app_crash", "performance" -> "bug";
      case "feature_export", "dark_mode" -> "feature_request";
      case "login_2fa", "sso_admin" -> "account_access";
      default -> "general";
    };
  }
}
