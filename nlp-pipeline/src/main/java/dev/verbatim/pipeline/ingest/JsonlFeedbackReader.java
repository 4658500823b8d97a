package dev.verbatim.pipeline.ingest;

import com.fasterxml.jackson.core.JacksonException;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the canonical feedback format ({@code shared/formats/feedback.md}): one JSON object per
 * line, UTF-8. Format name {@code jsonl}. Stateless and thread-safe; memory per call is bounded by
 * the line limit, not by the number of records.
 *
 * <p>Each non-blank line is one record (blank lines are skipped and not counted). A line is
 * rejected, never thrown on: over the size limit ({@link Reason#TOO_LONG}, read without buffering
 * more than 16 MiB of it), not UTF-8 ({@link Reason#NOT_UTF8}), not one JSON object ({@link
 * Reason#MALFORMED_JSON}), or breaking the contract: a missing required field, a time that is not
 * an ISO-8601 instant, an unknown channel, speaker or rating scale, a rating outside its scale, no
 * text.
 *
 * <p>Choices the format leaves open: times must carry a zone ({@code Z} or an offset; a zone-less
 * time is rejected rather than guessed); {@code id} may be a JSON number (read as its text); when both
 * {@code text} and {@code turns} are given, {@code turns} is the conversation and {@code text} is
 * kept in meta under {@code "text"}; a {@code survey} record with a rating may have no text (a
 * score-only response); fields the format does not name are kept in meta as their JSON text.
 */
public final class JsonlFeedbackReader implements FeedbackReader {
  /** The default line limit: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(JsonlFeedbackReader.class);
  private static final Set<String> KNOWN =
      Set.of(
          "id", "source", "channel", "event_time", "text", "turns", "account_id", "customer_id",
          "rating", "rating_scale", "language", "subject", "meta");
  private static final String[] REQUIRED = {"id", "source", "channel", "event_time"};

  private final int maxLineBytes;

  /** A reader with the default 1 MiB line limit. */
  public JsonlFeedbackReader() {
    this(DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * A reader with its own line limit.
   *
   * @param maxLineBytes longest accepted line in bytes, without its line break; at least 1
   */
  public JsonlFeedbackReader(int maxLineBytes) {
    if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes < 1: " + maxLineBytes);
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    String name = file.name();
    try (InputStream in = file.open();
        LineReader lines = new LineReader(in, Math.max(LineReader.DEFAULT_KEEP, maxLineBytes))) {
      while (lines.next()) {
        if (lines.isBlank()) continue;
        long no = lines.lineNumber();
        if (lines.totalLength() > maxLineBytes) {
          sink.accept(RawRecord.of(name, no, lines.copy()), tooLong(lines.totalLength(), maxLineBytes));
          continue;
        }
        byte[] b = lines.bytes();
        int len = lines.length();
        int bad = Utf8.firstInvalid(b, 0, len);
        if (bad >= 0) {
          sink.accept(RawRecord.of(name, no, lines.copy()), notUtf8(b[bad], bad));
          continue;
        }
        RawRecord raw = RawRecord.ofText(name, no, new String(b, 0, len, StandardCharsets.UTF_8));
        sink.accept(raw, parse(b, len, no));
      }
    }
  }

  private static Outcome<Feedback> parse(byte[] b, int len, long line) {
    try {
      return toFeedback(Json.MAPPER.readTree(b, 0, len));
    } catch (JacksonException e) {
      return Outcome.reject(
          Reason.MALFORMED_JSON,
          "not one JSON object: " + Json.describe(e) + "; each line must hold exactly one object");
    } catch (IOException | RuntimeException e) {
      LOG.warn("internal error reading line {}", line, e);
      return Outcome.reject(Reason.INTERNAL, "reader failed on this line: " + e.getClass().getName());
    }
  }

  static <T> Outcome<T> tooLong(long length, long max) {
    return Outcome.reject(
        Reason.TOO_LONG,
        "line is " + length + " bytes, over the limit of " + max
            + " bytes; shorten or split the record, or raise the limit");
  }

  static <T> Outcome<T> notUtf8(byte bad, int offset) {
    return Outcome.reject(
        Reason.NOT_UTF8,
        String.format(
            java.util.Locale.ROOT,
            "byte 0x%02X at offset %d of the line is not UTF-8; re-export the file as UTF-8"
                + " (e.g. iconv -f latin1 -t utf-8)",
            bad & 0xFF,
            offset));
  }

  /** Maps one parsed line to a record, or says what is wrong with it. */
  static Outcome<Feedback> toFeedback(JsonNode n) {
    if (!n.isObject()) {
      return Outcome.reject(
          Reason.MALFORMED_JSON, "the line is " + Json.kind(n) + ", not a JSON object");
    }
    try {
      List<String> missing = new ArrayList<>(2);
      for (String f : REQUIRED) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) missing.add(f);
      }
      if (!missing.isEmpty()) {
        return Outcome.reject(
            Reason.MISSING_FIELD,
            "missing required field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + "; every record needs id, source, channel and event_time");
      }
      FeedbackId id = new FeedbackId(req(n, "source"), req(n, "id"));
      String channelText = req(n, "channel");
      Channel channel =
          Channel.parse(channelText)
              .orElseThrow(
                  () ->
                      new RecordProblem(
                          Reason.BAD_FIELD,
                          "channel " + Times.quote(channelText)
                              + " is not one of ticket, chat, review, survey"));
      Instant eventTime = Json.time(n, "event_time", false);
      Rating rating = rating(n);
      Map<String, String> meta = meta(n);
      List<Turn> turns = new ArrayList<>();
      JsonNode turnsNode = n.get("turns");
      @Nullable String text = Json.text(n, "text");
      if (turnsNode != null && !turnsNode.isNull()) {
        if (!turnsNode.isArray()) {
          throw new RecordProblem(Reason.BAD_FIELD, "'turns' must be an array, not " + Json.kind(turnsNode));
        }
        int i = 0;
        for (JsonNode t : turnsNode) turns.add(turn(t, i++));
        if (text != null && !text.isBlank()) meta.putIfAbsent("text", text);
      } else if (text != null && !text.isBlank()) {
        turns.add(Turn.customer(text));
      }
      if (turns.isEmpty() && !(channel == Channel.SURVEY && rating != null)) {
        boolean absent = text == null && (turnsNode == null || turnsNode.isNull());
        return Outcome.reject(
            absent ? Reason.MISSING_FIELD : Reason.EMPTY_TEXT,
            absent
                ? "no 'text' and no 'turns': a record needs the customer's words"
                : "'text' is empty and there are no turns: nothing the customer wrote");
      }
      return Outcome.ok(
          new Feedback(
              id,
              channel,
              eventTime == null ? Instant.EPOCH : eventTime,
              turns,
              Json.nonBlank(n, "account_id"),
              Json.nonBlank(n, "customer_id"),
              rating,
              Json.nonBlank(n, "language"),
              Json.nonBlank(n, "subject"),
              meta));
    } catch (RecordProblem p) {
      return p.outcome();
    }
  }

  private static String req(JsonNode n, String field) {
    String s = Json.text(n, field);
    return s == null ? "" : s.strip();
  }

  private static @Nullable Rating rating(JsonNode n) {
    JsonNode r = n.get("rating");
    if (r == null || r.isNull()) return null;
    double value;
    if (r.isNumber()) {
      value = r.doubleValue();
    } else if (r.isTextual() && isNumber(r.textValue())) {
      value = Double.parseDouble(r.textValue().strip());
    } else {
      throw new RecordProblem(Reason.BAD_FIELD, "'rating' must be a number, not " + Json.kind(r));
    }
    String scaleText = Json.nonBlank(n, "rating_scale");
    if (scaleText == null) {
      throw new RecordProblem(
          Reason.MISSING_FIELD, "'rating' needs 'rating_scale': one of nps, csat, ces, stars");
    }
    RatingScale scale =
        RatingScale.parse(scaleText)
            .orElseThrow(
                () ->
                    new RecordProblem(
                        Reason.BAD_FIELD,
                        "rating_scale " + Times.quote(scaleText) + " is not one of nps, csat, ces, stars"));
    return ratingOn(value, scale);
  }

  /** A rating, or RATING_OUT_OF_SCALE naming the scale's range. */
  static Rating ratingOn(double value, RatingScale scale) {
    if (!scale.contains(value) || Double.isNaN(value)) {
      throw new RecordProblem(
          Reason.RATING_OUT_OF_SCALE,
          "rating " + fmt(value) + " is outside the " + scale.wireName() + " scale " + scale.min()
              + "-" + scale.max());
    }
    return new Rating(value, scale);
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  static boolean isNumber(String s) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > 32) return false;
    boolean digit = false;
    boolean dot = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else if (!(c == '-' && i == 0)) {
        return false;
      }
    }
    return digit;
  }

  private static Turn turn(JsonNode t, int index) {
    String where = "turns[" + index + "]";
    if (!t.isObject()) {
      throw new RecordProblem(Reason.BAD_FIELD, where + " must be an object, not " + Json.kind(t));
    }
    String speakerText = Json.nonBlank(t, "speaker");
    if (speakerText == null) {
      throw new RecordProblem(Reason.MISSING_FIELD, where + " has no 'speaker' (customer, agent or bot)");
    }
    Speaker speaker =
        Speaker.parse(speakerText)
            .orElseThrow(
                () ->
                    new RecordProblem(
                        Reason.BAD_FIELD,
                        where + " speaker " + Times.quote(speakerText)
                            + " is not one of customer, agent, bot"));
    String text = Json.text(t, "text");
    if (text == null) throw new RecordProblem(Reason.MISSING_FIELD, where + " has no 'text'");
    return new Turn(speaker, text, Json.time(t, "time", false));
  }

  private static Map<String, String> meta(JsonNode n) {
    Map<String, String> meta = new HashMap<>();
    JsonNode m = n.get("meta");
    if (m != null && !m.isNull()) {
      if (!m.isObject()) {
        throw new RecordProblem(Reason.BAD_FIELD, "'meta' must be an object, not " + Json.kind(m));
      }
      for (Map.Entry<String, JsonNode> e : m.properties()) Json.putMeta(meta, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!KNOWN.contains(e.getKey())) Json.putMeta(meta, e.getKey(), e.getValue());
    }
    return meta;
  }
}
