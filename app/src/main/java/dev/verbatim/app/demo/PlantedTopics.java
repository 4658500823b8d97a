package dev.verbatim.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well the discovered topics recover the demo's planted themes: for each planted theme, the
 * topic whose records best match the records that raise it (highest F1 of "tagged with the topic"
 * against "raises the theme", over the indexed records with English text), with its precision and
 * recall. The trends work needs the planted themes (double charges, bank sync, reporting) to come out
 * as topics; this measures whether they do.
 */
public final class PlantedTopics {
  /** The themes with planted effects (growth, churn, expansion). */
  public static final List<String> PLANTED = List.of("billing_double_charge", "bank_sync", "reporting");

  private PlantedTopics() {}

  /**
   * One theme's best topic.
   *
   * @param theme the planted theme
   * @param records indexed records that raise it
   * @param topic the best-matching topic id, or null if no record of it is tagged
   * @param precision share of the topic's records that raise the theme
   * @param recall share of the theme's records tagged with the topic
   */
  public record Match(String theme, int records, String topic, double precision, double recall) {
    /** F1 of precision and recall. */
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /**
   * Matches every theme of {@code labels} (the generator's {@code demo-labels.jsonl}) with the
   * topics in {@code index}; themes in label order of first appearance, sorted by name.
   */
  public static List<Match> measure(Path labels, Path index) throws IOException {
    Map<String, Set<String>> byTheme = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        if (!"en".equals(n.path("language").asText()) || n.path("score_only").asBoolean()) continue;
        String key = n.path("source").asText() + "/" + n.path("id").asText();
        for (JsonNode t : n.path("themes")) byTheme.computeIfAbsent(t.path("theme").asText(), z -> new HashSet<>()).add(key);
      }
    }
    Map<String, Set<String>> byTopic = new HashMap<>();
    Set<String> indexed = new HashSet<>();
    try (FeedbackSearch s = FeedbackSearch.open(index)) {
      s.scan(SearchRequest.of("", 1), true, f -> {
        if (f.key() == null) return;
        indexed.add(f.key());
        for (String t : f.topics()) byTopic.computeIfAbsent(t, z -> new HashSet<>()).add(f.key());
      });
    }
    List<Match> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : byTheme.entrySet()) {
      Set<String> theme = new HashSet<>(e.getValue());
      theme.retainAll(indexed);
      Match best = new Match(e.getKey(), theme.size(), null, 0, 0);
      for (Map.Entry<String, Set<String>> t : new TreeMap<>(byTopic).entrySet()) {
        int both = 0;
        for (String k : t.getValue()) if (theme.contains(k)) both++;
        if (both == 0) continue;
        Match m = new Match(e.getKey(), theme.size(), t.getKey(), (double) both / t.getValue().size(),
            theme.isEmpty() ? 0 : (double) both / theme.size());
        if (m.f1() > best.f1()) best = m;
      }
      out.add(best);
    }
    return out;
  }
}
