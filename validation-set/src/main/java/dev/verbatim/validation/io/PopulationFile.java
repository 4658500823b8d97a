package dev.verbatim.validation.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.PopulationSource;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A population of scored records as JSONL, one per line: {@code id}, {@code text}, {@code
 * predicted} (negative / neutral / positive) required; {@code channel}, {@code score}, {@code
 * confidence}, {@code topics} (array of ids, or one {@code topic}), {@code second_opinion}, {@code
 * seeded_theme}, {@code turns} (array of {@code {speaker, text}}, the conversation shown as context)
 * optional. {@code validate sample --population FILE} reads it instead of the workspace's index.
 */
public final class PopulationFile {
  private PopulationFile() {}

  /**
   * Reads a population file; bad lines are skipped and reported in {@code problems}, duplicate ids
   * keep the first.
   */
  public static List<PopulationRecord> read(Path file, List<String> problems) throws IOException {
    List<PopulationRecord> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Exchange.JSON.readTree(line);
        } catch (JsonProcessingException e) {
          problems.add("line " + n + ": not JSON (" + e.getOriginalMessage() + ")");
          continue;
        }
        String id = node.path("id").asText("");
        if (id.isBlank()) {
          problems.add("line " + n + ": missing \"id\"");
          continue;
        }
        Optional<SentimentLabel> predicted = SentimentLabel.parse(node.path("predicted").asText(null));
        if (predicted.isEmpty()) {
          problems.add("line " + n + ": \"predicted\" must be negative, neutral or positive");
          continue;
        }
        if (!seen.add(id)) {
          problems.add("line " + n + ": duplicate id '" + Exchange.clip(id) + "', first kept");
          continue;
        }
        List<String> topics = new ArrayList<>();
        node.path("topics").forEach(t -> topics.add(t.asText()));
        if (topics.isEmpty() && node.hasNonNull("topic")) {
          topics.add(node.get("topic").asText());
        }
        List<Turn> turns = new ArrayList<>();
        node.path("turns").forEach(t -> turns.add(new Turn(t.path("speaker").asText("customer"), t.path("text").asText(""))));
        out.add(new PopulationRecord(id, node.path("text").asText(""), node.path("channel").asText("unknown"),
            predicted.get(), node.path("score").asDouble(0), node.path("confidence").asDouble(0), topics,
            SentimentLabel.parse(node.path("second_opinion").asText(null)).orElse(null),
            node.hasNonNull("seeded_theme") ? node.get("seeded_theme").asText() : null, turns));
      }
    }
    return out;
  }

  /** A source over a population file; reading fails on I/O only (bad lines are skipped). */
  public static PopulationSource source(Path file) {
    return () -> read(file, new ArrayList<>());
  }
}
