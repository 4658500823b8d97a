package dev.verbatim.pipeline.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.verbatim.pipeline.Reason;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Jackson at the edge: one shared, immutable mapper and the field accessors the readers share. */
final class Json {
  /**
   * Thread-safe once configured. Trailing tokens and duplicate keys are errors: a line holding two
   * objects, or an object naming {@code id} twice, is ambiguous and must not be half-read.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * For streaming one element after another out of a large document: the same, minus the
   * trailing-token check, which would reject the next element as "trailing".
   */
  static final ObjectMapper STREAMING =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}

  /** The field as text: strings as they are, numbers as written; null if absent or JSON null. */
  static @Nullable String text(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (n.isTextual()) return n.textValue();
    if (n.isNumber() || n.isBoolean()) return n.asText();
    throw new RecordProblem(
        Reason.BAD_FIELD, "'" + field + "' must be a string, not " + kind(n));
  }

  /** Like {@link #text} but blank counts as absent. */
  static @Nullable String nonBlank(JsonNode parent, String field) {
    String s = text(parent, field);
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * A time field: an ISO-8601 string, or Unix seconds (milliseconds if that large) as a number;
   * outside 1990-2099 it is rejected ({@link Times#plausible}).
   */
  static @Nullable Instant time(JsonNode parent, String field, boolean lenient) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (n.isIntegralNumber()) return Times.plausible(Times.epoch(n.longValue()), field);
    if (n.isTextual()) {
      Instant t = lenient ? Times.lenient(n.textValue()) : Times.strict(n.textValue());
      if (t != null) return Times.plausible(t, field);
      throw new RecordProblem(
          Reason.BAD_TIME,
          "'" + field + "' " + Times.quote(n.textValue()) + " is not a time: write " + Times.EXAMPLE);
    }
    throw new RecordProblem(
        Reason.BAD_TIME, "'" + field + "' must be " + Times.EXAMPLE + ", not " + kind(n));
  }

  /** Puts a JSON value into meta: strings as they are, anything else as its JSON text. */
  static void putMeta(Map<String, String> meta, String key, JsonNode value) {
    if (value.isNull() || value.isMissingNode()) return;
    meta.putIfAbsent(key, value.isTextual() ? value.textValue() : value.toString());
  }

  static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      default -> "null";
    };
  }

  /** A Jackson error as a detail: its message without the source excerpt, and where. */
  static String describe(JacksonException e) {
    String msg = e.getOriginalMessage();
    if (msg == null) msg = e.getClass().getSimpleName();
    int nl = msg.indexOf('\n');
    if (nl >= 0) msg = msg.substring(0, nl);
    if (msg.length() > 200) msg = msg.substring(0, 200) + "…";
    JsonLocation loc = e.getLocation();
    return loc == null ? msg : msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /** Whether Jackson failed on bytes that are not UTF-8 rather than on JSON syntax. */
  static boolean isEncodingError(JacksonException e) {
    String msg = e.getOriginalMessage();
    return msg != null && msg.contains("Invalid UTF-8");
  }
}
