package dev.verbatim.app.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writes {@code demo-labels.jsonl}: one line per feedback record, in file order, with the ground
 * truth an evaluation needs (themes and tones, intended sentiment, planted PII, malformed kind).
 */
final class Labels {
  private Labels() {}

  /** The source name the canonical mode writes for a channel's records. */
  static String source(Planner.Ch ch) {
    return switch (ch) {
      case TICKET -> "zendesk";
      case CHAT -> "intercom";
      case REVIEW -> "google-play";
      case SURVEY -> "nps-survey";
    };
  }

  static void write(List<Planner.Item> items, AccountBook book, JsonGenerator g) throws IOException {
    for (Planner.Item it : items) {
      g.writeStartObject();
      g.writeStringField("file", it.ch.file);
      g.writeStringField("id", it.id);
      g.writeStringField("source", source(it.ch));
      g.writeStringField("channel", it.ch.name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringField("event_time", ZendeskWriter.iso(it.time));
      if (it.account >= 0) g.writeStringField("account_id", book.accounts.get(it.account).id());
      else g.writeNullField("account_id");
      if (it.account >= 0) g.writeStringField("segment", book.accounts.get(it.account).segmentName());
      else g.writeNullField("segment");
      g.writeArrayFieldStart("themes");
      for (Voice.Segment s : it.segs) {
        g.writeStartObject();
        g.writeStringField("theme", s.theme().id());
        g.writeStringField("polarity", s.tone().polarity());
        g.writeBooleanField("sarcasm", s.tone() == Theme.Tone.SARC);
        g.writeBooleanField("request", s.tone() == Theme.Tone.REQ);
        g.writeEndObject();
      }
      g.writeEndArray();
      if (it.segs.isEmpty()) g.writeNullField("sentiment");
      else g.writeStringField("sentiment", it.sentiment);
      g.writeBooleanField("mixed", it.mixed);
      g.writeStringField("language", it.lang);
      if (it.rating >= 0 && it.ch != Planner.Ch.CHAT) g.writeNumberField("rating", it.rating);
      g.writeArrayFieldStart("pii");
      for (Pii.Item p : it.pii) {
        g.writeStartObject();
        g.writeStringField("type", p.kind().wire);
        g.writeStringField("value", p.value());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (it.malformed != null) g.writeStringField("malformed", it.malformed);
      else g.writeNullField("malformed");
      g.writeBooleanField("score_only", it.scoreOnly);
      if (it.duplicateOf != null) g.writeStringField("duplicate_of", it.duplicateOf.id);
      else g.writeNullField("duplicate_of");
      g.writeBooleanField("planted_exposure", it.exposure);
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
