package dev.verbatim.validation.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.queue.ReviewItem;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Label Studio's JSON task format, both ways. A task carries the text in {@code data.text}, the
 * conversation around it (redacted turns, one "speaker: words" line each) in {@code data.context}, and the
 * record id in {@code data.verbatim_id}; the machine's label goes in {@code predictions}, reviewer
 * labels in {@code annotations} with results named as in {@link #LABEL_CONFIG}: {@code sentiment}
 * (Negative / Neutral / Positive), {@code pii}, {@code flag}, {@code topic_verdicts} ("topic:right"
 * / "topic:wrong"), {@code corrected_topic} and {@code note} (text areas). The reviewer is read from
 * {@code verbatim_reviewer}, else {@code completed_by} (an e-mail or username object, a string, or a
 * Label Studio user number).
 */
public final class LabelStudio {
  /** The labelling config to paste into a Label Studio project for these tasks. */
  public static final String LABEL_CONFIG = """
      <View>
        <Header value="Conversation (context)"/>
        <Text name="context" value="$context"/>
        <Header value="Customer text (label this)"/>
        <Text name="text" value="$text"/>
        <Choices name="sentiment" toName="text" choice="single" showInline="true">
          <Choice value="Negative"/><Choice value="Neutral"/><Choice value="Positive"/>
        </Choices>
        <Choices name="pii" toName="text"><Choice value="PII left unmasked"/></Choices>
        <Choices name="flag" toName="text"><Choice value="Flag"/></Choices>
        <TextArea name="corrected_topic" toName="text" maxSubmissions="1"/>
        <TextArea name="note" toName="text" maxSubmissions="1"/>
      </View>
      """;

  private LabelStudio() {}

  /** The tasks for a sample's items, with predictions and the current labels as annotations. */
  static ArrayNode tasks(List<LabeledItem> items) {
    ArrayNode tasks = Exchange.JSON.createArrayNode();
    for (LabeledItem li : items) {
      ReviewItem it = li.item();
      ObjectNode task = tasks.addObject();
      task.put("id", it.itemId());
      ObjectNode data = task.putObject("data");
      data.put("text", it.text());
      data.put("verbatim_id", it.recordId());
      data.put("channel", it.record().channel());
      data.put("predicted", it.predicted().wire());
      data.put("topics", String.join(", ", it.topics()));
      StringBuilder context = new StringBuilder();
      it.turns().forEach(t -> context.append(t.speaker()).append(": ").append(t.text()).append('\n'));
      data.put("context", context.toString().strip());
      ObjectNode pred = task.putArray("predictions").addObject();
      pred.put("model_version", "verbatim");
      pred.put("score", it.record().confidence());
      pred.putArray("result").add(choices("sentiment", List.of(capital(it.predicted()))));
      ArrayNode annotations = task.putArray("annotations");
      for (Label l : li.labels()) {
        ObjectNode a = annotations.addObject();
        a.put("verbatim_reviewer", l.reviewer());
        a.putObject("completed_by").put("email", l.reviewer());
        a.put("created_at", l.created().toString());
        a.put("was_cancelled", false);
        ArrayNode result = a.putArray("result");
        if (l.sentiment() != null) {
          result.add(choices("sentiment", List.of(capital(l.sentiment()))));
        }
        if (l.piiUnmasked()) {
          result.add(choices("pii", List.of("PII left unmasked")));
        }
        if (l.flagged()) {
          result.add(choices("flag", List.of("Flag")));
        }
        if (!l.topicVerdicts().isEmpty()) {
          List<String> v = new ArrayList<>();
          l.topicVerdicts().forEach((k, ok) -> v.add(k + ":" + (ok ? "right" : "wrong")));
          result.add(choices("topic_verdicts", v));
        }
        if (l.correctedTopic() != null) {
          result.add(textarea("corrected_topic", l.correctedTopic()));
        }
        if (!l.note().isEmpty()) {
          result.add(textarea("note", l.note()));
        }
      }
    }
    return tasks;
  }

  private static String capital(SentimentLabel l) {
    String w = l.wire();
    return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

  private static ObjectNode choices(String name, List<String> values) {
    ObjectNode r = Exchange.JSON.createObjectNode();
    r.put("from_name", name);
    r.put("to_name", "text");
    r.put("type", "choices");
    ArrayNode c = r.putObject("value").putArray("choices");
    values.forEach(c::add);
    return r;
  }

  private static ObjectNode textarea(String name, String text) {
    ObjectNode r = Exchange.JSON.createObjectNode();
    r.put("from_name", name);
    r.put("to_name", "text");
    r.put("type", "textarea");
    r.putObject("value").putArray("text").add(text);
    return r;
  }

  /** Parses a Label Studio JSON export (an array of tasks, or one task) into labels. */
  static List<Exchange.Parsed> parse(Reader in, List<String> problems, Clock clock) throws IOException {
    JsonNode root;
    try (com.fasterxml.jackson.core.JsonParser p = Exchange.JSON.createParser(in)) {
      root = Exchange.JSON.readTree(p);
      if (root != null && p.nextToken() != null) {
        // readTree alone stops after the first value: a JSONL file would import nothing, silently
        problems.add("file: more than one JSON value; a Label Studio export is one JSON array of tasks"
            + " (for one label per line, use --format jsonl)");
        return List.of();
      }
    } catch (JsonProcessingException e) {
      problems.add("file: not JSON (" + e.getOriginalMessage() + ")");
      return List.of();
    }
    List<JsonNode> tasks = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(tasks::add);
    } else if (root != null && root.isObject()) {
      tasks.add(root);
    } else {
      problems.add("file: expected a JSON array of Label Studio tasks");
      return List.of();
    }
    List<Exchange.Parsed> out = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      JsonNode task = tasks.get(t);
      String where = "task " + (t + 1);
      JsonNode data = task.path("data");
      String id = firstText(data.get("verbatim_id"), data.get("id"), task.get("id"));
      if (id == null) {
        problems.add(where + ": no data.verbatim_id (nor data.id, nor id) to match a sampled item");
        continue;
      }
      int a = 0;
      for (JsonNode ann : task.path("annotations")) {
        a++;
        String w = where + " annotation " + a;
        if (ann.path("was_cancelled").asBoolean(false)) {
          continue;
        }
        String reviewer = reviewer(ann);
        SentimentLabel sentiment = null;
        boolean pii = false;
        boolean flag = false;
        String note = "";
        String corrected = null;
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        boolean bad = false;
        for (JsonNode r : ann.path("result")) {
          String name = r.path("from_name").asText("");
          JsonNode choices = r.path("value").path("choices");
          JsonNode text = r.path("value").path("text");
          switch (name) {
            case "sentiment" -> {
              String c = choices.path(0).asText("");
              sentiment = SentimentLabel.parse(c).orElse(null);
              if (sentiment == null) {
                problems.add(w + ": sentiment choice '" + Exchange.clip(c) + "' is not Negative, Neutral or Positive");
                bad = true;
              }
            }
            case "pii" -> pii = choices.size() > 0;
            case "flag" -> flag = choices.size() > 0;
            case "note" -> note = joined(text);
            case "corrected_topic" -> corrected = joined(text);
            case "topic_verdicts" -> {
              for (JsonNode c : choices) {
                String s = c.asText("");
                int colon = s.lastIndexOf(':');
                if (colon > 0) {
                  verdicts.put(s.substring(0, colon), s.substring(colon + 1).strip().equalsIgnoreCase("right"));
                }
              }
            }
            default -> { } // other controls of a team's own config are ignored
          }
        }
        if (bad) {
          continue;
        }
        if (sentiment == null && !flag) {
          problems.add(w + ": no sentiment choice and no flag");
          continue;
        }
        Instant created = time(ann.path("created_at").asText(null), clock);
        out.add(new Exchange.Parsed(w, id, new Label(reviewer, sentiment, verdicts,
            corrected == null || corrected.isBlank() ? null : corrected, pii, flag, note, created)));
      }
    }
    return out;
  }

  private static String reviewer(JsonNode ann) {
    String direct = firstText(ann.get("verbatim_reviewer"));
    if (direct != null) {
      return direct;
    }
    JsonNode by = ann.get("completed_by");
    if (by != null && by.isObject()) {
      String s = firstText(by.get("email"), by.get("username"), by.get("id"));
      if (s != null) {
        return s;
      }
    } else if (by != null && by.isNumber()) {
      return "label-studio-user-" + by.asLong();
    } else if (by != null && by.isTextual() && !by.asText().isBlank()) {
      return by.asText();
    }
    return "label-studio";
  }

  private static @Nullable String firstText(@Nullable JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && !n.isNull() && !n.isContainerNode() && !n.asText().isBlank()) {
        return n.asText().strip();
      }
    }
    return null;
  }

  private static String joined(JsonNode text) {
    List<String> parts = new ArrayList<>();
    text.forEach(t -> parts.add(t.asText("")));
    return String.join("\n", parts);
  }

  private static Instant time(@Nullable String s, Clock clock) {
    if (s == null || s.isBlank()) {
      return clock.instant();
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return clock.instant();
      }
    }
  }
}
