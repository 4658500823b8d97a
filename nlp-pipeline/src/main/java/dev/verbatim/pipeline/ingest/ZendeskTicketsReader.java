package dev.verbatim.pipeline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Zendesk-style ticket export: {@code {"tickets": [...], "users": [...], "organizations":
 * [...]}}, each ticket with its {@code comments[]}. Format name {@code zendesk}; records are
 * channel {@code ticket}, source {@code zendesk}. Stateless and thread-safe.
 *
 * <p>Two streaming passes: the first (uncounted by progress) collects the side-loaded users (id →
 * role) and organizations (id → {@code external_id}), skipping tickets; the second streams tickets
 * one at a time. Memory grows with the number of users and organizations, never with tickets.
 *
 * <p>Mapping: public comments by end-users (or by the requester, when the user is not side-loaded)
 * are customer turns; agents' and admins' are agent turns (unknown authors who are not the
 * requester count as agents, counted in meta {@code unknown_authors}). Private notes ({@code
 * "public": false}) are never customer text: they are dropped and counted in meta {@code
 * private_notes}. A comment's text is {@code body}, else {@code plain_body}, else {@code html_body}
 * as is (cleaning strips HTML). A ticket without comments uses its {@code description}. The account
 * is the organization's {@code external_id} (its Zendesk id if it has none); the customer is the
 * requester's {@code external_id}, else the requester id. {@code satisfaction_rating} good / bad
 * goes to meta ({@code satisfaction}, {@code satisfaction_comment}); a numeric score is a CSAT
 * rating. Tags, status, priority, type and via channel go to meta.
 *
 * <p>A document cut short or broken keeps the tickets read before the break; the unreadable rest
 * is one {@link Reason#MALFORMED_JSON} rejection naming the line (or {@link Reason#NOT_UTF8}).
 */
public final class ZendeskTicketsReader implements FeedbackReader {

  @Override
  public String format() {
    return "zendesk";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    Map<String, User> users = new HashMap<>();
    Map<String, String> orgs = new HashMap<>();
    try (InputStream in = file.openUncounted()) {
      // A break here is reported by the second pass; users read before it are still used.
      new JsonExportScanner(Set.of("users", "organizations"), "tickets")
          .scan(
              in,
              (array, node, line) -> {
                if (array.equals("tickets") || !node.isObject()) return;
                String id = safeText(node, "id");
                if (id == null) return;
                if (array.equals("users")) {
                  users.put(id, new User(safeText(node, "role"), safeText(node, "external_id"),
                      safeText(node, "organization_id")));
                } else {
                  String ext = safeText(node, "external_id");
                  orgs.put(id, ext == null ? id : ext);
                }
              });
    }
    String name = file.name();
    JsonExportScanner tickets = new JsonExportScanner(Set.of("tickets"), "tickets");
    JsonExportScanner.Break broke;
    try (InputStream in = file.open()) {
      broke =
          tickets.scan(
              in,
              (array, node, line) ->
                  sink.accept(RawRecord.ofText(name, line, node.toString()), guarded(name, line, () -> ticket(node, users, orgs))));
    }
    if (broke != null) broke.reject(file, tickets.elements(), "tickets", sink);
  }

  private record User(@Nullable String role, @Nullable String externalId, @Nullable String orgId) {}

  private static @Nullable String safeText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static Outcome<Feedback> ticket(JsonNode t, Map<String, User> users, Map<String, String> orgs) {
    if (!t.isObject()) {
      return Outcome.reject(Reason.BAD_FIELD, "a ticket must be a JSON object, not " + Json.kind(t));
    }
    try {
      String id = Json.nonBlank(t, "id");
      if (id == null) return Outcome.reject(Reason.MISSING_FIELD, "ticket has no 'id'");
      Instant created = Json.time(t, "created_at", true);
      String requester = Json.nonBlank(t, "requester_id");
      List<Turn> turns = new ArrayList<>();
      int privateNotes = 0;
      int unknownAuthors = 0;
      JsonNode comments = t.get("comments");
      if (comments != null && !comments.isNull()) {
        if (!comments.isArray()) {
          return Outcome.reject(Reason.BAD_FIELD, "'comments' must be an array, not " + Json.kind(comments));
        }
        for (JsonNode c : comments) {
          if (!c.isObject()) continue;
          JsonNode pub = c.get("public");
          if (pub != null && pub.isBoolean() && !pub.booleanValue()) {
            privateNotes++;
            continue;
          }
          String body = Json.nonBlank(c, "body");
          if (body == null) body = Json.nonBlank(c, "plain_body");
          if (body == null) body = Json.nonBlank(c, "html_body");
          if (body == null) continue;
          String author = Json.nonBlank(c, "author_id");
          User user = author == null ? null : users.get(author);
          Speaker speaker = user == null ? null : Speakers.of(user.role() == null ? "" : user.role());
          if (speaker == null) {
            if (author != null && author.equals(requester)) {
              speaker = Speaker.CUSTOMER;
            } else {
              speaker = Speaker.AGENT;
              unknownAuthors++;
            }
          }
          turns.add(new Turn(speaker, body, Json.time(c, "created_at", true)));
        }
      }
      if (turns.isEmpty() && (comments == null || comments.isNull() || comments.isEmpty())) {
        String description = Json.nonBlank(t, "description");
        if (description != null) turns.add(new Turn(Speaker.CUSTOMER, description, created));
      }
      if (turns.isEmpty()) {
        return Outcome.reject(
            Reason.EMPTY_TEXT, "ticket " + id + " has no public comment with text and no description");
      }
      Instant eventTime = created;
      if (eventTime == null) eventTime = firstTime(turns);
      if (eventTime == null) {
        return Outcome.reject(Reason.MISSING_FIELD, "ticket " + id + " has no 'created_at' and no comment time");
      }
      User req = requester == null ? null : users.get(requester);
      String org = Json.nonBlank(t, "organization_id");
      if (org == null && req != null) org = req.orgId();
      String account = org == null ? null : orgs.getOrDefault(org, org);
      String customer = req != null && req.externalId() != null ? req.externalId() : requester;

      Map<String, String> meta = new HashMap<>();
      Rating rating = null;
      JsonNode sat = t.get("satisfaction_rating");
      if (sat != null && sat.isObject()) {
        JsonNode score = sat.get("score");
        if (score != null && score.isNumber()) {
          rating = JsonlFeedbackReader.ratingOn(score.doubleValue(), RatingScale.CSAT);
        } else if (score != null && score.isTextual() && !score.textValue().isBlank()) {
          meta.put("satisfaction", score.textValue());
        }
        String comment = Json.nonBlank(sat, "comment");
        if (comment != null) meta.put("satisfaction_comment", comment);
      }
      JsonNode tags = t.get("tags");
      if (tags != null && tags.isArray() && !tags.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tags) names.add(tag.asText());
        meta.put("tags", String.join(",", names));
      }
      for (String f : new String[] {"status", "priority", "type"}) {
        JsonNode v = t.get(f);
        if (v != null && v.isValueNode()) Json.putMeta(meta, f, v);
      }
      JsonNode via = t.path("via").path("channel");
      if (via.isTextual()) meta.put("via", via.textValue());
      if (privateNotes > 0) meta.put("private_notes", Integer.toString(privateNotes));
      if (unknownAuthors > 0) meta.put("unknown_authors", Integer.toString(unknownAuthors));
      return Outcome.ok(
          new Feedback(
              new FeedbackId("zendesk", id),
              Channel.TICKET,
              eventTime,
              turns,
              account,
              customer,
              rating,
              null,
              Json.nonBlank(t, "subject"),
              meta));
    } catch (RecordProblem p) {
      return p.outcome();
    }
  }

  static @Nullable Instant firstTime(List<Turn> turns) {
    for (Turn turn : turns) {
      if (turn.speaker() == Speaker.CUSTOMER && turn.time() != null) return turn.time();
    }
    for (Turn turn : turns) {
      if (turn.time() != null) return turn.time();
    }
    return null;
  }

  private static Outcome<Feedback> guarded(String file, long line, java.util.function.Supplier<Outcome<Feedback>> map) {
    try {
      return map.get();
    } catch (RuntimeException e) {
      return RecordProblem.internal(file, line, e);
    }
  }
}
