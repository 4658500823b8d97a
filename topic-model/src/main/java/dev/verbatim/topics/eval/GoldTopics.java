package dev.verbatim.topics.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.topics.TopicDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The records of a gold file (shared/formats/gold.md) that carry a {@code topic}, as documents
 * and gold labels in file order. Lines that are not JSON objects with a string {@code id}, {@code
 * text} and {@code topic} are skipped and counted.
 *
 * @param documents the documents
 * @param labels the gold topic of each document
 * @param skipped lines skipped (no topic, or malformed)
 */
public record GoldTopics(List<TopicDocument> documents, List<String> labels, int skipped) {
  /**
   * The label names that the upstream airline data set wrote into tweet texts (see
   * shared/data/twitter-airline-sentiment/README.md); {@link #masked()} removes them.
   */
  static final Pattern LEAKED = Pattern.compile("Cancelled Flight|Late Flight|Flight Booking Problems");

  public GoldTopics {
    documents = List.copyOf(documents);
    labels = List.copyOf(labels);
  }

  /** Reads {@code file}. */
  public static GoldTopics read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<TopicDocument> docs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    int skipped = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          skipped++;
          continue;
        }
        JsonNode id = n.get("id");
        JsonNode text = n.get("text");
        JsonNode topic = n.get("topic");
        if (id == null || !id.isTextual() || text == null || !text.isTextual() || topic == null
            || !topic.isTextual() || topic.asText().isBlank() || !ids.add(id.asText())) {
          skipped++;
          continue;
        }
        docs.add(TopicDocument.of(id.asText(), text.asText()));
        labels.add(topic.asText());
      }
    }
    return new GoldTopics(docs, labels, skipped);
  }

  /** Returns these records with the leaked airline label phrases replaced by a space. */
  public GoldTopics masked() {
    List<TopicDocument> out = new ArrayList<>(documents.size());
    for (TopicDocument d : documents) {
      out.add(TopicDocument.of(d.id(), LEAKED.matcher(d.text()).replaceAll(" ")));
    }
    return new GoldTopics(out, labels, skipped);
  }

  /** Returns the number of distinct gold topics. */
  public int categories() {
    return new java.util.HashSet<>(labels).size();
  }
}
