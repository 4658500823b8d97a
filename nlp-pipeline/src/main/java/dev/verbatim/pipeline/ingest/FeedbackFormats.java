package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.pipeline.RatingScale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in feedback formats by name, and detection of a file's format. Immutable and
 * thread-safe; build one per run with the run's options.
 *
 * <p>Formats ({@code --format}): {@code jsonl} (canonical), {@code chat-jsonl}, {@code zendesk},
 * {@code intercom}, {@code reviews-csv}, {@code survey-csv}.
 *
 * <p>{@link #detect(Path)} reads at most the first 1 MiB: {@code .jsonl}/{@code .ndjson} (or a
 * first line holding one JSON object) is chat turns if that line has {@code conversation_id} and
 * no {@code channel}/{@code turns}, else canonical; {@code .json} is Zendesk if a top-level {@code
 * tickets} array comes first, Intercom if {@code conversations} (or {@code "type":
 * "conversation.list"}), JSON Lines if its first two lines are objects; {@code .csv} is reviews or a
 * survey by its header's column names (a header separated by ';' or tabs gets a hint). An
 * empty file gets a reader by its extension alone, which yields zero records. Anything unknown or ambiguous throws {@link
 * IllegalArgumentException} naming the {@code --format} values.
 */
public final class FeedbackFormats {
  private static final List<String> NAMES =
      List.of("jsonl", "chat-jsonl", "zendesk", "intercom", "reviews-csv", "survey-csv");
  private static final int SNIFF = 1 << 20;

  private final Map<String, FeedbackReader> readers;

  /**
   * Formats with the given options.
   *
   * @param mapping the CSV column mapping ({@code --map}); {@link ColumnMapping#none()} if not given
   * @param surveyScale the survey scale if the user forced one, else null to detect it
   * @param maxLineBytes the JSONL line limit in bytes (also the CSV row limit in characters)
   */
  public FeedbackFormats(ColumnMapping mapping, @Nullable RatingScale surveyScale, int maxLineBytes) {
    requireNonNull(mapping, "mapping");
    Map<String, FeedbackReader> m = new LinkedHashMap<>();
    m.put("jsonl", new JsonlFeedbackReader(maxLineBytes));
    m.put("chat-jsonl", new ChatTurnsJsonlReader(maxLineBytes, Math.max(LineReader.DEFAULT_KEEP, maxLineBytes)));
    m.put("zendesk", new ZendeskTicketsReader());
    m.put("intercom", new IntercomConversationsReader());
    m.put("reviews-csv", new ReviewCsvReader(mapping, maxLineBytes));
    m.put("survey-csv", new SurveyCsvReader(mapping, surveyScale, maxLineBytes));
    this.readers = Map.copyOf(m);
  }

  /** Formats with no column mapping, a detected survey scale and a 1 MiB line limit. */
  public static FeedbackFormats defaults() {
    return new FeedbackFormats(ColumnMapping.none(), null, JsonlFeedbackReader.DEFAULT_MAX_LINE_BYTES);
  }

  /** The format names {@code --format} takes, in the order help should list them. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The reader of a format.
   *
   * @throws IllegalArgumentException naming the valid formats if {@code format} is not one
   */
  public FeedbackReader reader(String format) {
    FeedbackReader r = readers.get(format.strip().toLowerCase(Locale.ROOT));
    if (r == null) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "'; --format takes one of " + String.join(", ", NAMES));
    }
    return r;
  }

  /**
   * The reader for {@code file}, by extension and its first bytes.
   *
   * @throws IllegalArgumentException if the format is unknown or ambiguous, naming the --format values
   * @throws IOException if the file cannot be read
   */
  public FeedbackReader detect(Path file) throws IOException {
    return reader(detectName(file));
  }

  /** The name of {@code file}'s format; see {@link #detect(Path)}. */
  public String detectName(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
    int start = skipSpaceAndBom(head);
    boolean empty = start >= head.length;
    String found =
        switch (ext) {
          case "jsonl", "ndjson" -> empty ? "jsonl" : orElse(jsonLines(head, start), "jsonl");
          case "json" -> empty ? "zendesk" : orElse(jsonDocument(head, start), jsonLinesDocument(head, start));
          case "csv" -> empty ? "reviews-csv" : csv(head, start);
          default -> empty ? "jsonl" : byContent(head, start);
        };
    if (found == null) {
      throw new IllegalArgumentException(
          "cannot tell the format of " + file + "; name it with --format, one of " + String.join(", ", NAMES)
              + delimiterHint(head, start));
    }
    return found;
  }

  private static @Nullable String byContent(byte[] head, int start) {
    if (head[start] == '{' || head[start] == '[') {
      String document = jsonDocument(head, start);
      return document != null ? document : jsonLines(head, start);
    }
    return csv(head, start);
  }

  /** jsonl vs chat-jsonl from the first line; null if it is not one JSON object. */
  private static @Nullable String jsonLines(byte[] head, int start) {
    int end = start;
    while (end < head.length && head[end] != '\n') end++;
    try {
      JsonNode first = Json.MAPPER.readTree(head, start, end - start);
      if (first == null || !first.isObject()) return null;
      boolean chat = first.has("conversation_id") && !first.has("channel") && !first.has("turns");
      return chat ? "chat-jsonl" : "jsonl";
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * jsonl or chat-jsonl for a {@code .json} file that holds JSON Lines: its first line is one
   * object and the next line starts another (one JSON document never does); else null.
   */
  private static @Nullable String jsonLinesDocument(byte[] head, int start) {
    String found = jsonLines(head, start);
    if (found == null) return null;
    int next = start;
    while (next < head.length && head[next] != '\n') next++;
    while (next < head.length && (head[next] == '\n' || head[next] == '\r' || head[next] == ' ' || head[next] == '\t')) next++;
    return next < head.length && head[next] == '{' ? found : null;
  }

  /** For a CSV whose header uses ';' or tabs and no commas: say so, since only commas are read. */
  private static String delimiterHint(byte[] head, int start) {
    int end = start;
    while (end < head.length && head[end] != '\n') end++;
    String header = new String(head, start, end - start, StandardCharsets.UTF_8);
    if (header.contains(",")) return "";
    String sep = header.contains(";") ? "';'" : header.contains("\t") ? "tabs" : null;
    return sep == null ? "" : "; its first line is separated by " + sep
        + ", but CSV files must be comma-separated: re-export with commas";
  }

  /** zendesk vs intercom from the top-level field names in the first bytes. */
  private static @Nullable String jsonDocument(byte[] head, int start) {
    Set<String> fields = new HashSet<>();
    boolean conversationList = false;
    try (JsonParser p = Json.STREAMING.createParser(head, start, head.length - start)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        fields.add(name);
        JsonToken v = p.nextToken();
        if (name.equals("type") && v == JsonToken.VALUE_STRING && p.getText().equals("conversation.list")) {
          conversationList = true;
        }
        p.skipChildren();
      }
    } catch (JacksonException e) {
      // the sniff window ended mid-document: decide on the fields seen so far
    } catch (IOException e) {
      return null;
    }
    boolean tickets = fields.contains("tickets");
    boolean conversations = fields.contains("conversations") || conversationList;
    if (tickets == conversations) return null;
    return tickets ? "zendesk" : "intercom";
  }

  /** reviews vs survey from the header's column names. */
  private static @Nullable String csv(byte[] head, int start) {
    int end = start;
    while (end < head.length && head[end] != '\n') end++;
    String header = new String(head, start, end - start, StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String col : header.split(",")) names.add(CsvTable.normalize(col.replace("\"", "")));
    int review = 0;
    int survey = 0;
    for (String n : names) {
      switch (n) {
        case "starrating", "reviewtext", "reviewtitle", "stars", "review", "reviewer", "appversionname",
            "packagename", "title", "body", "version", "author", "developerreplytext" -> review++;
        case "responseid", "respondentemail", "survey", "surveyname", "nps", "csat", "ces", "npsscore",
            "csatscore", "cesscore", "comment", "submittedat", "score" -> survey++;
        default -> { }
      }
    }
    if (review == survey) return null;
    return review > survey ? "reviews-csv" : "survey-csv";
  }

  private static String orElse(@Nullable String found, String fallback) {
    return found == null ? fallback : found;
  }

  private static int skipSpaceAndBom(byte[] b) {
    int i = 0;
    if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) i = 3;
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
    return i;
  }
}
