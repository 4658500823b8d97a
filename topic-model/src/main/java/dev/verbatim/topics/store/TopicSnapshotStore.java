package dev.verbatim.topics.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves and loads embedding topic models as numbered JSON snapshots, {@code
 * topics/model-000001.json}, {@code model-000002.json}, …; the highest number is the current model
 * and older ones stay for audit. Format (version {@value #VERSION}):
 *
 * <pre>{@code
 * {"format":"verbatim-topics","version":1,"method":"kmeans/all-minilm-l6-v2-q",
 *  "encoder":"all-minilm-l6-v2-q","dimension":384,"nextId":78,
 *  "topics":[{"id":"t1","label":"card not arrived","topTerms":[…],"representativeIds":[…],
 *             "size":212,"centroid":[0.0123,…]}]}
 * }</pre>
 *
 * {@code nextId} is the smallest topic number never used in this lineage, so a vanished topic's
 * id is never given to another. Per-record assignments are not stored.
 *
 * <p>The {@code topics} are the fit as aligned, before analysts' edits: the next refit aligns with
 * them, so a topic merged away by an analyst is still recognised. A snapshot written by {@link
 * #save(EmbeddingTopicModel, int, LexicalTopicModel, Map)} also holds the model daily runs infer
 * with, the distilled term model with the edits applied (optional key {@code "lexical"}:
 * {@code {"method", "topics":[{id,label,topTerms,representativeIds,size}], "totals":[…],
 * "docs":[…], "terms":{"refund":[topicIndex,count,…]}}}), and a free-form {@code "fit"} object
 * (sample size, seconds, agreement). {@link #latestLexical} reads only that part, without loading
 * the sentence encoder. Writes are atomic
 * (temporary file, then move). Not thread-safe for concurrent writers to one folder.
 */
public final class TopicSnapshotStore {
  /** The format name in every snapshot. */
  public static final String FORMAT = "verbatim-topics";

  /** The snapshot format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final Pattern NAME = Pattern.compile("model-(\\d{6})\\.json");
  private final Path dir;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A loaded snapshot.
   *
   * @param model the fit as aligned, before analysts' edits (compare a refit with it)
   * @param nextId the lineage's next unused id number
   * @param file the snapshot file
   * @param lexical the inference model with edits applied, or null for a snapshot without one
   */
  public record Snapshot(EmbeddingTopicModel model, int nextId, Path file, @Nullable LexicalTopicModel lexical) {}

  /**
   * The inference part of the latest snapshot.
   *
   * @param model the distilled term model, edits applied
   * @param version the snapshot's number (1 for model-000001.json)
   * @param encoder the encoder the fit used (a refit needs the same one to align by centroid)
   * @param file the snapshot file
   * @param fit what the fit recorded (sample size, seconds, agreement), as written
   * @param nextId the lineage's next unused id number
   */
  public record Current(LexicalTopicModel model, int version, String encoder, Path file, Map<String, Object> fit,
      int nextId) {}

  /** Creates a store over {@code topicsDir} (created on first save). */
  public TopicSnapshotStore(Path topicsDir) {
    this.dir = topicsDir;
  }

  /** Writes {@code model} as the next snapshot and returns its path. */
  public Path save(EmbeddingTopicModel model, int nextId) throws IOException {
    return save(model, nextId, null, Map.of());
  }

  /**
   * Writes the next snapshot: the aligned fit {@code model}, and the inference model {@code lexical}
   * (edits applied) with {@code fit} facts; returns its path.
   */
  public Path save(EmbeddingTopicModel model, int nextId, @Nullable LexicalTopicModel lexical, Map<String, Object> fit)
      throws IOException {
    Files.createDirectories(dir);
    int seq = latestNumber().orElse(0) + 1;
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("method", model.method());
    root.put("encoder", model.encoderId());
    List<float[]> sig = model.signatures();
    int d = sig.isEmpty() ? 0 : sig.get(0).length;
    root.put("dimension", d);
    int next = nextId;
    for (Topic t : model.topics()) next = Math.max(next, t.id().number() + 1);
    root.put("nextId", next);
    ArrayNode topics = root.putArray("topics");
    for (int i = 0; i < model.topics().size(); i++) {
      Topic t = model.topics().get(i);
      ObjectNode o = topics.addObject();
      topic(o, t);
      ArrayNode c = o.putArray("centroid");
      for (float x : sig.get(i)) c.add(x);
    }
    if (lexical != null) {
      ObjectNode lx = root.putObject("lexical");
      lx.put("method", lexical.method());
      ArrayNode lt = lx.putArray("topics");
      for (Topic t : lexical.topics()) topic(lt.addObject(), t);
      LexicalTopicModel.Counts counts = lexical.counts();
      ArrayNode totals = lx.putArray("totals");
      for (long x : counts.totals()) totals.add(x);
      ArrayNode docs = lx.putArray("docs");
      for (int x : counts.docs()) docs.add(x);
      ObjectNode terms = lx.putObject("terms");
      counts.terms().forEach((term, cs) -> {
        ArrayNode a = terms.putArray(term);
        for (int c = 0; c < cs.length; c++) {
          if (cs[c] != 0) a.add(c).add(cs[c]);
        }
      });
    }
    root.set("fit", json.valueToTree(fit));
    Path target = file(seq);
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    json.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Returns the latest snapshot, or empty when the folder has none; see {@link #load}. */
  public Optional<Snapshot> latest(SentenceEncoder encoder, TermAnalyzer analyzer) throws IOException {
    Optional<Integer> n = latestNumber();
    if (n.isEmpty()) return Optional.empty();
    Path f = file(n.get());
    return Optional.of(load(f, encoder, analyzer));
  }

  /**
   * Reads one snapshot file.
   *
   * @throws IOException if it cannot be read, is not a snapshot, has another version, or was made
   *     with another encoder than {@code encoder} (the message says which)
   * @param analyzer the tokenizer the model was fitted with (it weighs sentences at inference)
   */
  public Snapshot load(Path file, SentenceEncoder encoder, TermAnalyzer analyzer) throws IOException {
    JsonNode root = readChecked(file);
    String enc = root.path("encoder").asText();
    if (!enc.equals(encoder.id())) {
      throw new IOException(file + " was fitted with encoder " + enc + " but " + encoder.id()
          + " was given; use the same encoder or refit");
    }
    int d = root.path("dimension").asInt();
    JsonNode ts = root.path("topics");
    List<Topic> topics = new ArrayList<>();
    float[] centroids = new float[ts.size() * d];
    for (int i = 0; i < ts.size(); i++) {
      JsonNode t = ts.get(i);
      topics.add(new Topic(new TopicId(t.path("id").asText()), t.path("label").asText(),
          strings(t.path("topTerms")), strings(t.path("representativeIds")), t.path("size").asInt()));
      JsonNode c = t.path("centroid");
      if (c.size() != d) throw new IOException(file + ": topic " + i + " centroid has " + c.size() + " values, expected " + d);
      for (int j = 0; j < d; j++) centroids[i * d + j] = (float) c.get(j).asDouble();
    }
    EmbeddingTopicModel model =
        new EmbeddingTopicModel(root.path("method").asText(), encoder, analyzer, topics, centroids, d, Map.of());
    return new Snapshot(model, root.path("nextId").asInt(1), file, lexical(root, file, analyzer));
  }

  /**
   * Returns the inference model of the latest snapshot, or empty when there is none; reads no
   * encoder.
   *
   * @throws IOException if the latest snapshot is unreadable or holds no inference model (refit)
   */
  public Optional<Current> latestLexical(TermAnalyzer analyzer) throws IOException {
    Optional<Integer> n = latestNumber();
    if (n.isEmpty()) return Optional.empty();
    Path f = file(n.get());
    JsonNode root = readChecked(f);
    LexicalTopicModel lx = lexical(root, f, analyzer);
    if (lx == null) {
      throw new IOException(f + " holds no inference model; run `verbatim topics fit` to write one");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fit = root.has("fit") ? json.convertValue(root.get("fit"), Map.class) : Map.of();
    return Optional.of(new Current(lx, n.get(), root.path("encoder").asText(), f, fit, root.path("nextId").asInt(1)));
  }

  private JsonNode readChecked(Path file) throws IOException {
    JsonNode root = json.readTree(file.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException(file + " is not a topic snapshot (no \"format\":\"" + FORMAT + "\")");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new IOException(file + " has snapshot version " + version + "; this build reads version " + VERSION
          + " (refit with `verbatim topics fit` to write a current one)");
    }
    return root;
  }

  private static @Nullable LexicalTopicModel lexical(JsonNode root, Path file, TermAnalyzer analyzer) throws IOException {
    JsonNode lx = root.get("lexical");
    if (lx == null || lx.isNull()) return null;
    List<Topic> topics = new ArrayList<>();
    for (JsonNode t : lx.path("topics")) topics.add(topic(t));
    int k = topics.size();
    long[] totals = new long[k];
    int[] docs = new int[k];
    if (lx.path("totals").size() != k || lx.path("docs").size() != k) {
      throw new IOException(file + ": the inference model's counts do not match its " + k + " topics");
    }
    for (int c = 0; c < k; c++) {
      totals[c] = lx.path("totals").get(c).asLong();
      docs[c] = lx.path("docs").get(c).asInt();
    }
    Map<String, int[]> terms = new java.util.HashMap<>();
    for (Map.Entry<String, JsonNode> e : lx.path("terms").properties()) {
      int[] cs = new int[k];
      JsonNode a = e.getValue();
      for (int i = 0; i + 1 < a.size(); i += 2) {
        int c = a.get(i).asInt();
        if (c < 0 || c >= k) throw new IOException(file + ": term '" + e.getKey() + "' names topic index " + c);
        cs[c] = a.get(i + 1).asInt();
      }
      terms.put(e.getKey(), cs);
    }
    try {
      return LexicalTopicModel.of(lx.path("method").asText(), analyzer, topics,
          new LexicalTopicModel.Counts(terms, totals, docs));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The snapshot file numbered {@code n}. */
  private Path file(int n) {
    return dir.resolve(String.format(java.util.Locale.ROOT, "model-%06d.json", n));
  }

  private static void topic(ObjectNode o, Topic t) {
    o.put("id", t.id().value());
    o.put("label", t.label());
    ArrayNode terms = o.putArray("topTerms");
    t.topTerms().forEach(terms::add);
    ArrayNode reps = o.putArray("representativeIds");
    t.representativeIds().forEach(reps::add);
    o.put("size", t.size());
  }

  private static Topic topic(JsonNode t) {
    return new Topic(new TopicId(t.path("id").asText()), t.path("label").asText(), strings(t.path("topTerms")),
        strings(t.path("representativeIds")), t.path("size").asInt());
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    for (JsonNode x : a) out.add(x.asText());
    return out;
  }

  private Optional<Integer> latestNumber() throws IOException {
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> NAME.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .max(Integer::compare);
    }
  }
}
