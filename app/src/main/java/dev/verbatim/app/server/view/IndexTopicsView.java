package dev.verbatim.app.server.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SearchResult;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.store.TaxonomyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import java.util.stream.Stream;

/**
 * Topics from what the workspace holds: volumes from the index's {@code topic} facet, sentiment
 * shares and weekly trend from one filtered search per topic, labels and top terms from the newest
 * {@code topics/model-NNNNNN.json} snapshot, the analyst's names from {@code topics/taxonomy.json}.
 * The list is computed at most every {@value #CACHE_MILLIS} ms. Thread-safe.
 */
public final class IndexTopicsView implements TopicsView {
  static final long CACHE_MILLIS = 30_000;
  private static final Pattern SNAPSHOT = Pattern.compile("model-(\\d{6})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final java.util.function.Supplier<FeedbackSearch> search;
  private final Path topicsDir;
  private final @Nullable Path frictionJson;
  private final LongSupplier clock;
  private List<TopicSummary> cached = List.of();
  private long cachedAt = Long.MIN_VALUE;
  private @Nullable FeedbackSearch cachedFor;

  private record Named(String label, List<String> terms) {}

  /**
   * @param search the workspace's index
   * @param topicsDir the workspace's {@code topics/} folder (may not exist)
   */
  public IndexTopicsView(java.util.function.Supplier<FeedbackSearch> search, Path topicsDir, LongSupplier clock) {
    this(search, topicsDir, null, clock);
  }

  /**
   * @param frictionJson the friction report's JSON ({@code reports/friction.json}), whose churn
   *     relative risk per topic the list shows; null or absent: no churn figure
   */
  public IndexTopicsView(java.util.function.Supplier<FeedbackSearch> search, Path topicsDir,
      @Nullable Path frictionJson, LongSupplier clock) {
    this.search = search;
    this.topicsDir = topicsDir;
    this.frictionJson = frictionJson;
    this.clock = clock;
  }

  /** Churn relative risk (stratified by segment) per topic id, from the friction report if there is one. */
  private Map<String, Double> churn() {
    Map<String, Double> out = new java.util.HashMap<>();
    if (frictionJson == null || !Files.isRegularFile(frictionJson)) return out;
    try {
      for (com.fasterxml.jackson.databind.JsonNode t : JSON.readTree(frictionJson.toFile()).path("topics")) {
        com.fasterxml.jackson.databind.JsonNode rr = t.path("churn").path("relative_risk");
        if (rr.isNumber()) out.put(t.path("id").asText(), rr.asDouble());
      }
    } catch (IOException e) {
      return out; // an unreadable report: the list shows no churn figure rather than failing
    }
    return out;
  }

  @Override
  public synchronized List<TopicSummary> topics() throws IOException {
    long now = clock.getAsLong();
    FeedbackSearch index = search.get();
    if (now - cachedAt < CACHE_MILLIS && cachedAt != Long.MIN_VALUE && index == cachedFor) return cached;
    cachedFor = index;
    SearchResult all = index.search(SearchRequest.builder("").limit(0).facets(true).build());
    Map<String, Long> volumes = all.facets().getOrDefault("topic", Map.of());
    Map<String, Named> names = names();
    Map<String, Double> churn = churn();
    List<TopicSummary> out = new ArrayList<>();
    for (String id : volumes.keySet()) out.add(summary(id, names, churn));
    cached = List.copyOf(out);
    cachedAt = now;
    return cached;
  }

  @Override
  public Optional<TopicSummary> topic(String id) throws IOException {
    for (TopicSummary t : topics()) if (t.id().equals(id)) return Optional.of(t);
    Map<String, Named> names = names();
    return names.containsKey(id) ? Optional.of(summary(id, names, churn())) : Optional.empty();
  }

  @Override
  public synchronized TopicSummary rename(String id, String label) throws IOException {
    if (topic(id).isEmpty()) throw new IllegalArgumentException("unknown topic '" + id + "'");
    Map<String, String> labels = new LinkedHashMap<>();
    for (TopicSummary t : topics()) labels.put(t.id(), t.label());
    String l = dev.verbatim.app.TopicEdits.checkLabel(id, label, labels);
    TaxonomyStore store = new TaxonomyStore(topicsDir);
    Files.createDirectories(topicsDir);
    store.save(store.load().withRename(new TopicId(id), l));
    cachedAt = Long.MIN_VALUE;
    return topic(id).orElseThrow();
  }

  private TopicSummary summary(String id, Map<String, Named> names, Map<String, Double> churn) throws IOException {
    SearchResult r = search.get().search(SearchRequest.builder("").filter("topic", id).limit(0).facets(true)
        .histogram(SearchRequest.Interval.WEEK).build());
    Map<String, Long> sentiment = r.facets().getOrDefault("sentiment", Map.of());
    double total = Math.max(1, r.total());
    Named n = names.getOrDefault(id, new Named(id, List.of()));
    return new TopicSummary(id, n.label(), n.terms(), r.total(),
        sentiment.getOrDefault("negative", 0L) / total, sentiment.getOrDefault("positive", 0L) / total,
        r.histogram(), churn.get(id));
  }

  /** Labels and terms by topic id: the newest snapshot's, then the taxonomy's renames on top. */
  private Map<String, Named> names() throws IOException {
    Map<String, Named> names = new LinkedHashMap<>();
    if (!Files.isDirectory(topicsDir)) return names;
    Path newest = null;
    try (Stream<Path> files = Files.list(topicsDir)) {
      newest = files.filter(p -> SNAPSHOT.matcher(p.getFileName().toString()).matches())
          .max(Path::compareTo).orElse(null);
    }
    if (newest != null) {
      JsonNode root = JSON.readTree(newest.toFile());
      for (JsonNode t : root.path("topics")) {
        List<String> terms = new ArrayList<>();
        for (JsonNode term : t.path("topTerms")) terms.add(term.asText());
        String id = t.path("id").asText();
        if (!id.isEmpty()) names.put(id, new Named(t.path("label").asText(id), terms));
      }
    }
    new TaxonomyStore(topicsDir).load().renames().forEach((id, label) -> {
      Named old = names.get(id.value());
      names.put(id.value(), new Named(label, old == null ? List.of() : old.terms()));
    });
    return names;
  }
}
