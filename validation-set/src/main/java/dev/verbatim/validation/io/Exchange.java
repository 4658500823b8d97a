package dev.verbatim.validation.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Moves a sample's items and labels in and out of the review queue as JSONL, CSV or Label Studio
 * JSON. Exports write items with their current labels; imports save labels for items of a sample,
 * matched by record id.
 *
 * <p>JSONL label lines: {@code {"id", "reviewer", "sentiment"}} plus optional {@code topic_verdicts}
 * (object topic -> true/false), {@code corrected_topic}, {@code pii_unmasked}, {@code flagged},
 * {@code note}, {@code created} (ISO-8601). CSV uses the same names as header columns, with
 * {@code topic_verdicts} as {@code topic:right|topic:wrong}.
 */
public final class Exchange {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CSV_ITEM_HEADER = {
    "id", "text", "channel", "predicted", "confidence", "topics", "stratum", "weight", "overlap",
    "reviewer", "sentiment", "topic_verdicts", "corrected_topic", "pii_unmasked", "flagged", "note", "created"
  };

  private final Clock clock;

  /** An exchange that stamps imported labels without a time with the given clock. */
  public Exchange(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** Writes a sample in the given format; returns the items written. */
  public int export(ReviewQueue queue, long sampleId, Format format, Writer out) throws IOException {
    List<LabeledItem> items = queue.labeled(sampleId);
    switch (format) {
      case JSONL -> {
        for (LabeledItem li : items) {
          out.write(JSON.writeValueAsString(itemJson(li)));
          out.write('\n');
        }
      }
      case CSV -> {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_ITEM_HEADER).get());
        for (LabeledItem li : items) {
          ReviewItem it = li.item();
          List<Label> labels = li.labels().isEmpty() ? java.util.Collections.singletonList(null) : li.labels();
          for (@Nullable Label l : labels) {
            csv.printRecord(it.recordId(), safe(it.text()), it.record().channel(), it.predicted().wire(),
                it.record().confidence(), String.join("|", it.topics()), it.stratum(), it.weight(), it.overlap(),
                l == null ? "" : l.reviewer(), l == null || l.sentiment() == null ? "" : l.sentiment().wire(),
                l == null ? "" : verdictsCsv(l.topicVerdicts()), l == null || l.correctedTopic() == null ? ""
                    : safe(l.correctedTopic()), l != null && l.piiUnmasked(), l != null && l.flagged(),
                l == null ? "" : safe(l.note()), l == null ? "" : l.created().toString());
          }
        }
        csv.flush();
      }
      case LABEL_STUDIO -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(LabelStudio.tasks(items)));
    }
    out.flush();
    return items.size();
  }

  /** Reads labels in the given format and saves them for the sample's items. */
  public ImportResult importLabels(ReviewQueue queue, long sampleId, Format format, Reader in) throws IOException {
    List<String> problems = new ArrayList<>();
    int imported = 0;
    List<Parsed> parsed = switch (format) {
      case JSONL -> parseJsonl(in, problems);
      case CSV -> parseCsv(in, problems);
      case LABEL_STUDIO -> LabelStudio.parse(in, problems, clock);
    };
    // each reviewer's current label per item, so that importing one export twice adds nothing
    Map<Long, Map<String, Label>> current = new HashMap<>();
    for (LabeledItem li : queue.labeled(sampleId)) {
      Map<String, Label> per = new HashMap<>();
      for (Label l : li.labels()) per.put(l.reviewer(), l);
      current.put(li.item().itemId(), per);
    }
    int unchanged = 0;
    for (Parsed p : parsed) {
      Optional<Long> item = queue.itemId(sampleId, p.recordId());
      if (item.isEmpty()) {
        problems.add(p.where() + ": id '" + p.recordId() + "' is not an item of sample " + sampleId
            + " (export the sample to see its ids, or pass --sample)");
        continue;
      }
      Label had = current.getOrDefault(item.get(), Map.of()).get(p.label().reviewer());
      if (had != null && sameReading(had, p.label())) {
        unchanged++;
        continue;
      }
      queue.save(item.get(), p.label());
      current.computeIfAbsent(item.get(), k -> new HashMap<>()).put(p.label().reviewer(), p.label());
      imported++;
    }
    return new ImportResult(imported, unchanged, problems);
  }

  /** Whether two labels by one reviewer say the same, whenever they were made. */
  private static boolean sameReading(Label a, Label b) {
    return a.reviewer().equals(b.reviewer()) && a.sentiment() == b.sentiment()
        && a.topicVerdicts().equals(b.topicVerdicts()) && java.util.Objects.equals(a.correctedTopic(), b.correctedTopic())
        && a.piiUnmasked() == b.piiUnmasked() && a.flagged() == b.flagged() && a.note().equals(b.note());
  }

  /** One parsed label with where it came from. */
  record Parsed(String where, String recordId, Label label) {}

  private List<Parsed> parseJsonl(Reader in, List<String> problems) throws IOException {
    List<Parsed> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(in);
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        problems.add("line " + n + ": not JSON (" + e.getOriginalMessage() + ")");
        continue;
      }
      if (node == null || !node.isObject()) {
        problems.add("line " + n + ": expected a JSON object like {\"id\", \"reviewer\", \"sentiment\"}");
        continue;
      }
      Map<String, String> verdicts = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.path("topic_verdicts").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        verdicts.put(e.getKey(), e.getValue().isBoolean() ? (e.getValue().asBoolean() ? "right" : "wrong")
            : e.getValue().asText());
      }
      toLabel("line " + n, text(node, "id"), text(node, "reviewer"), text(node, "sentiment"), verdicts,
          text(node, "corrected_topic"), node.path("pii_unmasked").asBoolean(false),
          node.path("flagged").asBoolean(false), text(node, "note"), text(node, "created"), problems)
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * A free-text CSV cell a spreadsheet would run as a formula ({@code = + - @}, tab or CR first) is
   * prefixed with {@code '}, as the friction report's CSV does: customer text is hostile, and
   * reviewers open these files in spreadsheets.
   */
  static String safe(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  /** Undoes {@link #safe} on a cell read back. */
  static @Nullable String unsafe(@Nullable String s) {
    return s != null && s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
  }

  private List<Parsed> parseCsv(Reader in, List<String> problems) throws IOException {
    List<Parsed> out = new ArrayList<>();
    CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get().parse(in);
    for (CSVRecord rec : parser) {
      String where = "line " + parser.getCurrentLineNumber();
      Map<String, String> m = rec.toMap();
      if (blank(m.get("reviewer")) && blank(m.get("sentiment")) && !"true".equals(m.get("flagged"))) {
        continue; // an exported item nobody labelled yet
      }
      Map<String, String> verdicts = new LinkedHashMap<>();
      String v = m.getOrDefault("topic_verdicts", "");
      if (v != null && !v.isBlank()) {
        for (String part : v.split("\\|")) {
          int colon = part.lastIndexOf(':');
          if (colon > 0) {
            verdicts.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
          }
        }
      }
      toLabel(where, m.get("id"), m.get("reviewer"), m.get("sentiment"), verdicts, unsafe(m.get("corrected_topic")),
          Boolean.parseBoolean(m.getOrDefault("pii_unmasked", "false")),
          Boolean.parseBoolean(m.getOrDefault("flagged", "false")), unsafe(m.get("note")), m.get("created"), problems)
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<Parsed> toLabel(String where, @Nullable String id, @Nullable String reviewer,
      @Nullable String sentiment, Map<String, String> verdicts, @Nullable String correctedTopic, boolean pii,
      boolean flagged, @Nullable String note, @Nullable String created, List<String> problems) {
    if (id == null || id.isBlank()) {
      problems.add(where + ": missing \"id\" (the record id of a sampled item)");
      return Optional.empty();
    }
    if (reviewer == null || reviewer.isBlank()) {
      problems.add(where + ": missing \"reviewer\" (who labelled it)");
      return Optional.empty();
    }
    SentimentLabel s = null;
    if (sentiment != null && !sentiment.isBlank()) {
      Optional<SentimentLabel> parsed = SentimentLabel.parse(sentiment);
      if (parsed.isEmpty()) {
        problems.add(where + ": sentiment '" + clip(sentiment) + "' is not negative, neutral or positive");
        return Optional.empty();
      }
      s = parsed.get();
    } else if (!flagged) {
      problems.add(where + ": missing \"sentiment\" (negative, neutral or positive), and not flagged");
      return Optional.empty();
    }
    Map<String, Boolean> tv = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : verdicts.entrySet()) {
      String val = e.getValue().strip().toLowerCase(java.util.Locale.ROOT);
      if (val.equals("right") || val.equals("true")) {
        tv.put(e.getKey(), true);
      } else if (val.equals("wrong") || val.equals("false")) {
        tv.put(e.getKey(), false);
      } else {
        problems.add(where + ": topic verdict '" + clip(e.getValue()) + "' for " + clip(e.getKey())
            + " is not right/wrong (true/false)");
        return Optional.empty();
      }
    }
    Instant at = clock.instant();
    if (created != null && !created.isBlank()) {
      try {
        at = Instant.parse(created.strip());
      } catch (DateTimeParseException e) {
        problems.add(where + ": created '" + clip(created) + "' is not ISO-8601, e.g. 2026-03-02T10:15:00Z");
        return Optional.empty();
      }
    }
    return Optional.of(new Parsed(where, id.strip(), new Label(reviewer.strip(), s, tv,
        correctedTopic == null || correctedTopic.isBlank() ? null : correctedTopic.strip(), pii, flagged,
        note == null ? "" : note, at)));
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String verdictsCsv(Map<String, Boolean> v) {
    List<String> parts = new ArrayList<>();
    v.forEach((k, ok) -> parts.add(k + ":" + (ok ? "right" : "wrong")));
    return String.join("|", parts);
  }

  static ObjectNode labelJson(Label l) {
    ObjectNode o = JSON.createObjectNode();
    o.put("reviewer", l.reviewer());
    if (l.sentiment() != null) {
      o.put("sentiment", l.sentiment().wire());
    }
    if (!l.topicVerdicts().isEmpty()) {
      ObjectNode tv = o.putObject("topic_verdicts");
      l.topicVerdicts().forEach(tv::put);
    }
    if (l.correctedTopic() != null) {
      o.put("corrected_topic", l.correctedTopic());
    }
    o.put("pii_unmasked", l.piiUnmasked());
    o.put("flagged", l.flagged());
    o.put("note", l.note());
    o.put("created", l.created().toString());
    o.put("label_schema", Label.SCHEMA_VERSION);
    return o;
  }

  private static ObjectNode itemJson(LabeledItem li) {
    ReviewItem it = li.item();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", it.recordId());
    o.put("text", it.text());
    o.put("channel", it.record().channel());
    o.put("predicted", it.predicted().wire());
    o.put("score", it.record().score());
    o.put("confidence", it.record().confidence());
    ArrayNode topics = o.putArray("topics");
    it.topics().forEach(topics::add);
    o.put("stratum", it.stratum());
    o.put("weight", it.weight());
    o.put("overlap", it.overlap());
    o.put("sample_id", it.sampleId());
    if (!it.turns().isEmpty()) {
      ArrayNode turns = o.putArray("turns");
      it.turns().forEach(t -> turns.addObject().put("speaker", t.speaker()).put("text", t.text()));
    }
    ArrayNode labels = o.putArray("labels");
    li.labels().forEach(l -> labels.add(labelJson(l)));
    return o;
  }
}
