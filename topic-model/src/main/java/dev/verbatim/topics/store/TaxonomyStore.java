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
 *  "renames":{"t3":"Card delivery"},"merges":{"t9":"t3"},"splits":{"t4":"t12"}}
 * }</pre>
 *
 * A theme may give a {@code "query"} (the index's query syntax) instead of or beside its seeds.
 * {@link #readThemes} reads an analyst's seed file (JSON or YAML) with the same theme shape.
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
      themes.add(theme(t, file));
    }
    Map<TopicId, String> renames = new LinkedHashMap<>();
    root.path("renames").properties().forEach(e -> renames.put(new TopicId(e.getKey()), e.getValue().asText()));
    Map<TopicId, TopicId> merges = new LinkedHashMap<>();
    root.path("merges").properties().forEach(e -> merges.put(new TopicId(e.getKey()), new TopicId(e.getValue().asText())));
    Map<TopicId, TopicId> splits = new LinkedHashMap<>();
    root.path("splits").properties().forEach(e -> splits.put(new TopicId(e.getKey()), new TopicId(e.getValue().asText())));
    try {
      return new Taxonomy(themes, renames, merges, splits);
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
      if (t.query() != null) o.put("query", t.query());
    }
    ObjectNode renames = root.putObject("renames");
    taxonomy.renames().forEach((k, v) -> renames.put(k.value(), v));
    ObjectNode merges = root.putObject("merges");
    taxonomy.merges().forEach((k, v) -> merges.put(k.value(), v.value()));
    ObjectNode splits = root.putObject("splits");
    taxonomy.splits().forEach((k, v) -> splits.put(k.value(), v.value()));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Theme theme(JsonNode t, Object where) throws IOException {
    if (!t.isObject()) throw new IOException(where + ": a theme must be an object with \"name\" and \"seeds\" or \"query\"");
    List<String> seeds = new ArrayList<>();
    JsonNode s = t.path("seeds");
    if (s.isTextual()) seeds.add(s.asText());
    for (JsonNode x : s) seeds.add(x.asText());
    JsonNode parent = t.get("parent");
    JsonNode query = t.get("query");
    try {
      return new Theme(t.path("name").asText(), seeds, parent == null || parent.isNull() ? null : parent.asText(),
          query == null || query.isNull() ? null : query.asText());
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads an analyst's seed file: JSON or YAML (by extension {@code .yaml}/{@code .yml}), either a
   * list of themes or an object with a {@code themes} list. Each theme: {@code name}, {@code seeds}
   * (a list of phrases) and/or {@code query}, optional {@code parent} (two levels at most).
   *
   * <pre>{@code
   * themes:
   *   - name: Billing
   *     seeds: [invoice, charge, refund]
   *   - name: Double charges
   *     parent: Billing
   *     seeds: ["charged twice", "double charge"]
   *   - name: Bank sync
   *     query: 'bank AND (sync OR connect)'
   * }</pre>
   *
   * @throws IOException if the file cannot be read or a theme is malformed (the message says which)
   */
  public static List<Theme> readThemes(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
        ? new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        : new ObjectMapper();
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + " is not valid " + (mapper.getFactory() instanceof com.fasterxml.jackson.dataformat.yaml.YAMLFactory ? "YAML" : "JSON")
          + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
    }
    JsonNode list = root == null ? null : root.isArray() ? root : root.get("themes");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IOException(file + " holds no themes: write a list of {name, seeds or query, parent?}");
    }
    List<Theme> themes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) themes.add(theme(list.get(i), file + " theme " + (i + 1)));
    try {
      return new Taxonomy(themes, Map.of()).themes(); // checks names and the two-level hierarchy
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
