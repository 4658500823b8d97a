package dev.verbatim.pipeline.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Streams the elements of chosen top-level arrays of a JSON export ({@code {"tickets": [...],
 * "users": [...]}}) one tree at a time, skipping everything else, so memory holds one element,
 * not the file. A root that is itself an array is read as the array {@code rootArray}.
 *
 * <p>Where the document breaks (cut short, bad syntax, not UTF-8) the scan stops and reports a
 * {@link Break}: the elements before it were delivered, the rest cannot be read reliably.
 */
final class JsonExportScanner {

  /** Receives one array element. */
  interface Handler {
    void element(String array, JsonNode element, long line);
  }

  /**
   * Where and why the document stopped being readable.
   *
   * @param reason MALFORMED_JSON, NOT_UTF8 or BAD_FIELD (an array field that is not an array)
   * @param fromLine the first line of what could not be read (the broken element's first line)
   * @param detail what happened and where
   */
  record Break(Reason reason, long fromLine, String detail) {
    /** The rest of the file as one rejection, its original bytes capped at 16 MiB. */
    void reject(SourceFile file, int elementsRead, String noun, RecordSink sink) {
      RawRecord raw = RawRecord.of(file.name(), fromLine, Tail.fromLine(file, fromLine, LineReader.DEFAULT_KEEP));
      String hint =
          reason == Reason.NOT_UTF8
              ? "; re-export the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
              : "; re-export the file or repair it from this line";
      sink.accept(
          raw,
          Outcome.reject(
              reason,
              "the rest of the file from line " + fromLine + " cannot be read: " + detail + "; the "
                  + elementsRead + " " + noun + " before it were read" + hint));
    }
  }

  private final Set<String> arrays;
  private final String rootArray;
  private int elements;
  private long elementLine = 1;

  JsonExportScanner(Set<String> arrays, String rootArray) {
    this.arrays = arrays;
    this.rootArray = rootArray;
  }

  /** How many elements were delivered. */
  int elements() {
    return elements;
  }

  /** Scans {@code in}; null if the whole document was read, else where it broke. */
  @Nullable Break scan(InputStream in, Handler handler) throws IOException {
    try (JsonParser p = Json.STREAMING.createParser(in)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) return null; // empty file: no records, no error
        if (t == JsonToken.START_ARRAY) {
          streamArray(p, rootArray, handler);
        } else if (t == JsonToken.START_OBJECT) {
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            elementLine = p.currentTokenLocation().getLineNr();
            if (arrays.contains(field) && v == JsonToken.START_ARRAY) {
              streamArray(p, field, handler);
            } else if (arrays.contains(field) && v != JsonToken.VALUE_NULL) {
              return new Break(Reason.BAD_FIELD, elementLine, "'" + field + "' is not an array");
            } else {
              p.skipChildren();
            }
          }
          if (t != JsonToken.END_OBJECT) {
            return new Break(Reason.MALFORMED_JSON, line(p), "unexpected " + t);
          }
        } else {
          return new Break(
              Reason.MALFORMED_JSON, 1, "the file is not a JSON object holding a '" + rootArray + "' array");
        }
        if (p.nextToken() != null) {
          return new Break(Reason.MALFORMED_JSON, line(p), "content after the end of the JSON document");
        }
        return null;
      } catch (JacksonException e) {
        return new Break(
            Json.isEncodingError(e) ? Reason.NOT_UTF8 : Reason.MALFORMED_JSON,
            elementLine,
            Json.describe(e));
      }
    }
  }

  private void streamArray(JsonParser p, String field, Handler handler) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new JsonEOFException(p, JsonToken.NOT_AVAILABLE, "unexpected end of input inside '" + field + "'");
      }
      elementLine = p.currentTokenLocation().getLineNr();
      JsonNode node = p.readValueAsTree();
      elements++;
      handler.element(field, node, elementLine);
      elementLine = line(p);
    }
  }

  private static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
