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
 * Reads an Intercom-style conversation export: {@code {"conversations": [...]}}, each with its
 * opening message in {@code source} and the rest in {@code conversation_parts}. Format name {@code
 * intercom}; records are channel {@code chat}, source {@code intercom}. Stateless and thread-safe;
 * conversations are streamed one at a time.
 *
 * <p>Mapping: the source message and parts of type {@code comment} become turns, by {@code
 * author.type}: user / lead / contact → customer, admin / team → agent, bot → bot (anything else
 * counts as agent, in meta {@code unknown_authors}). Notes are never customer text: dropped and
 * counted in meta {@code notes}; assignments, open / close and other events are dropped. Bodies
 * are HTML and kept as is (cleaning strips it). Times are Unix seconds (ISO strings accepted). The
 * event time is the first customer turn's. The account comes from {@code
 * custom_attributes.account_id}, the customer from the first contact's {@code external_id} (else
 * its id); {@code conversation_rating.rating} is a CSAT rating (1-5); {@code title} is the subject.
 *
 * <p>A document cut short or broken keeps the conversations read before the break; the unreadable
 * rest is one {@link Reason#MALFORMED_JSON} rejection naming the line.
 */
public final class IntercomConversationsReader implements FeedbackReader {

  @Override
  public String format() {
    return "intercom";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    String name = file.name();
    JsonExportScanner scanner = new JsonExportScanner(Set.of("conversations"), "conversations");
    JsonExportScanner.Break broke;
    try (InputStream in = file.open()) {
      broke =
          scanner.scan(
              in,
              (array, node, line) ->
                  sink.accept(RawRecord.ofText(name, line, node.toString()), guarded(name, line, () -> conversation(node))));
    }
    if (broke != null) broke.reject(file, scanner.elements(), "conversations", sink);
  }

  private static Outcome<Feedback> conversation(JsonNode c) {
    if (!c.isObject()) {
      return Outcome.reject(Reason.BAD_FIELD, "a conversation must be a JSON object, not " + Json.kind(c));
    }
    try {
      String id = Json.nonBlank(c, "id");
      if (id == null) return Outcome.reject(Reason.MISSING_FIELD, "conversation has no 'id'");
      Instant created = Json.time(c, "created_at", true);
      List<Turn> turns = new ArrayList<>();
      int[] unknown = {0};
      int notes = 0;
      JsonNode source = c.get("source");
      if (source != null && source.isObject()) {
        String body = Json.nonBlank(source, "body");
        if (body != null) {
          String type = source.path("author").path("type").asText("");
          // Without an author, delivered_as tells who opened the conversation.
          boolean outbound = source.path("delivered_as").asText("").startsWith("admin");
          Speaker s = !type.isEmpty() ? speaker(type, unknown) : outbound ? Speaker.AGENT : Speaker.CUSTOMER;
          turns.add(new Turn(s, body, created));
        }
      }
      JsonNode parts = c.path("conversation_parts");
      if (parts.isObject()) parts = parts.path("conversation_parts");
      if (!parts.isMissingNode() && !parts.isNull() && !parts.isArray()) {
        return Outcome.reject(Reason.BAD_FIELD, "conversation " + id + ": 'conversation_parts' must be a list of"
            + " parts (or Intercom's {\"conversation_parts\": [...]}), not " + Json.kind(parts));
      }
      if (parts.isArray()) {
        for (JsonNode p : parts) {
          if (!p.isObject()) continue;
          String partType = p.path("part_type").asText("");
          if (partType.equals("note")) {
            notes++;
            continue;
          }
          if (!partType.equals("comment")) continue;
          String body = Json.nonBlank(p, "body");
          if (body == null) continue;
          Speaker s = speaker(p.path("author").path("type").asText(""), unknown);
          Instant time = Json.time(p, "created_at", true);
          turns.add(new Turn(s, body, time));
        }
      }
      if (turns.isEmpty()) {
        return Outcome.reject(Reason.EMPTY_TEXT, "conversation " + id + " has no message with text");
      }
      Instant eventTime = ZendeskTicketsReader.firstTime(turns);
      if (eventTime == null) eventTime = created;
      if (eventTime == null) {
        return Outcome.reject(Reason.MISSING_FIELD, "conversation " + id + " has no 'created_at' and no part time");
      }
      String account = Json.nonBlank(c.path("custom_attributes"), "account_id");
      String customer = null;
      JsonNode contacts = c.path("contacts").path("contacts");
      if (contacts.isArray() && !contacts.isEmpty()) {
        customer = Json.nonBlank(contacts.get(0), "external_id");
        if (customer == null) customer = Json.nonBlank(contacts.get(0), "id");
      }
      Map<String, String> meta = new HashMap<>();
      Rating rating = null;
      JsonNode cr = c.get("conversation_rating");
      if (cr != null && cr.isObject()) {
        JsonNode r = cr.get("rating");
        if (r != null && r.isNumber()) rating = JsonlFeedbackReader.ratingOn(r.doubleValue(), RatingScale.CSAT);
        String remark = Json.nonBlank(cr, "remark");
        if (remark != null) meta.put("rating_remark", remark);
      }
      JsonNode tags = c.path("tags").path("tags");
      if (tags.isArray() && !tags.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tags) names.add(tag.path("name").asText(tag.asText()));
        meta.put("tags", String.join(",", names));
      }
      JsonNode state = c.get("state");
      if (state != null && state.isTextual()) meta.put("state", state.textValue());
      if (notes > 0) meta.put("notes", Integer.toString(notes));
      if (unknown[0] > 0) meta.put("unknown_authors", Integer.toString(unknown[0]));
      String subject = c.get("title") != null && c.get("title").isTextual() ? Json.nonBlank(c, "title") : null;
      return Outcome.ok(
          new Feedback(
              new FeedbackId("intercom", id),
              Channel.CHAT,
              eventTime,
              turns,
              account,
              customer,
              rating,
              null,
              subject,
              meta));
    } catch (RecordProblem p) {
      return p.outcome();
    }
  }

  private static Speaker speaker(String authorType, int[] unknown) {
    Speaker s = Speakers.of(authorType);
    if (s != null) return s;
    unknown[0]++;
    return Speaker.AGENT;
  }

  private static Outcome<Feedback> guarded(String file, long line, java.util.function.Supplier<Outcome<Feedback>> map) {
    try {
      return map.get();
    } catch (RuntimeException e) {
      return RecordProblem.internal(file, line, e);
    }
  }
}
