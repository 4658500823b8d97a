package dev.verbatim.topics.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the taxonomy analysts edit, {@code topics/taxonomy.json} (format version
 * {@value #VERSION}):
 *
 * <pre>{@code
 * {"format":"verbatim-taxonomy","version":1,
 *  "themes":[{"name":"Billing","seeds":["charged twice","refund"]},
 *            {"name":"Double charges","seeds":["charged twice"],"parent":"Billing"}],
 *  "renames":{"t3":"Card delivery"}}
 * }</pre>
 *
 * A missing file is an empty taxonomy. Writes are atomic. Not thread-safe for concurrent writers.
 */
public final class TaxonomyStore {
  /** The format name in the file. */
  public static final String FORMAT = "verbatim-taxonomy";

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private final Path file;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Creates a store for {@code topicsDir/taxonomy.json}. */
  public TaxonomyStore(Path topicsDir) {
    this.file = topicsDir.resolve("taxonomy.json");
  }

  /** Returns the taxonomy, empty if the file does not exist. */
  public Taxonomy load() throws IOException {
    if (!Files.exists(file)) return Taxonomy.empty();
    JsonNode root = json.readTree(file.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException(file + " is not a taxonomy file (no \"format\":\"" + FORMAT + "\")");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new IOException(file + " has taxonomy version " + root.path("version").asText() + "; this build reads " + VERSION);
    }
    List<Theme> themes = new ArrayList<>();
    for (JsonNode t : root.path("themes")) {
      List<String> seeds = new ArrayList<>();
      for (JsonNode s : t.path("seeds")) seeds.add(s.asText());
      JsonNode parent = t.get("parent");
      try {
        themes.add(new Theme(t.path("name").asText(), seeds, parent == null || parent.isNull() ? null : parent.asText()));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }
    Map<TopicId, String> renames = new LinkedHashMap<>();
    root.path("renames").properties().forEach(e -> renames.put(new TopicId(e.getKey()), e.getValue().asText()));
    try {
      return new Taxonomy(themes, renames);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code taxonomy}, replacing the file atomically. */
  public void save(Taxonomy taxonomy) throws IOException {
    Files.createDirectories(file.getParent());
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode themes = root.putArray("themes");
    for (Theme t : taxonomy.themes()) {
      ObjectNode o = themes.addObject();
      o.put("name", t.name());
      ArrayNode s = o.putArray("seeds");
      t.seeds().forEach(s::add);
      if (t.parent() != null) o.put("parent", t.parent());
    }
    ObjectNode renames = root.putObject("renames");
    taxonomy.renames().forEach((k, v) -> renames.put(k.value(), v));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
