package dev.verbatim.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.server.ApiException;
import dev.verbatim.app.server.view.TopicSummary;
import dev.verbatim.app.server.view.TopicsView;
import dev.verbatim.app.server.view.TrendsView;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.SearchRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/topics}, {@code GET /api/topics/{id}} (with the verbatims behind it), {@code
 * POST /api/topics/{id}/rename}, {@code POST /api/topics/merge|split} (analysts' edits kept in the
 * taxonomy; the index is re-tagged and reopened) and {@code GET /api/trends}.
 */
public final class TopicRoutes {
  private static final Pattern TOPIC_ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,100}");

  private final TopicsView topics;
  private final TrendsView trends;
  private final java.util.function.Supplier<FeedbackSearch> search;
  private final dev.verbatim.app.@org.jspecify.annotations.Nullable TopicEdits edits;
  private final IoAction reindexed;

  /** Routes over the given views. */
  public TopicRoutes(TopicsView topics, TrendsView trends, java.util.function.Supplier<FeedbackSearch> search) {
    this(topics, trends, search, null, () -> {});
  }

  /**
   * Routes over the given views, with merge and split done by {@code edits} (null: answered 501),
   * then {@code reindexed} run so the next request reads the re-tagged index.
   */
  public TopicRoutes(TopicsView topics, TrendsView trends, java.util.function.Supplier<FeedbackSearch> search,
      dev.verbatim.app.@org.jspecify.annotations.Nullable TopicEdits edits, IoAction reindexed) {
    this.topics = topics;
    this.trends = trends;
    this.search = search;
    this.edits = edits;
    this.reindexed = reindexed;
  }

  /** Something to do after an edit that may throw {@link IOException}. */
  @FunctionalInterface
  public interface IoAction {
    void run() throws IOException;
  }

  /** Adds the routes. */
  public void register(Javalin app) {
    app.get("/api/topics", ctx -> ctx.json(Map.of("topics", topics.topics())));
    app.get("/api/topics/{id}", this::topic);
    app.post("/api/topics/{id}/rename", this::rename);
    app.post("/api/topics/merge", this::merge);
    app.post("/api/topics/split", this::split);
    app.get("/api/trends", this::trends);
  }

  private static void notYet(String what) {
    throw new ApiException(501, "not_supported", "this server was built without topic editing; run `./verbatim"
        + " topics " + what + " ...`");
  }

  /** {@code {"into": "t3", "from": ["t11", "t14"]}}: the others' records join {@code into}; the index is re-tagged. */
  void merge(Context ctx) throws IOException {
    if (edits == null) notYet("merge");
    JsonNode body = Params.body(ctx);
    String into = topicField(Params.text(body, "into", true, 100));
    JsonNode from = body.path("from");
    if (!from.isArray() || from.isEmpty() || from.size() > 50) {
      throw ApiException.badRequest("bad_body", "give \"from\" as a list of 1 to 50 topic ids, e.g. {\"into\": \"t3\","
          + " \"from\": [\"t11\"]}");
    }
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode f : from) ids.add(topicField(f.asText()));
    long retagged;
    try {
      retagged = edits.merge(into, ids);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_topic", e.getMessage());
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new ApiException(409, "index_busy", "a run is writing the index; merge again when it has finished");
    }
    reindexed.run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("merged", ids);
    out.put("into", into);
    out.put("retagged", retagged);
    ctx.json(out);
  }

  /** {@code {"topic": "t3"}}: a refit splits it in two; the smaller part gets a new id. Takes as long as a fit. */
  void split(Context ctx) throws IOException {
    if (edits == null) notYet("split");
    JsonNode body = Params.body(ctx);
    String topic = topicField(Params.text(body, "topic", true, 100));
    dev.verbatim.app.TopicEdits.Split r;
    try {
      r = edits.split(topic, 42);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_topic", e.getMessage());
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new ApiException(409, "index_busy", "a run is writing the index; split again when it has finished");
    }
    reindexed.run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("topic", topic);
    out.put("part", r.part().value());
    out.put("split", r.done());
    out.put("retagged", r.retagged());
    Object orphaned = r.fit().asMap().get("orphaned_edits");
    out.put("orphaned_edits", orphaned); // edits (this split included) the refit left without their topic
    boolean lost = r.fit().orphaned().stream().anyMatch(o ->
        o.kind() == dev.verbatim.topics.fit.OrphanedEdit.Kind.SPLIT && o.topic().value().equals(topic));
    if (!r.done()) {
      out.put("note", lost
          ? "the refit no longer has the topic (see orphaned_edits); the split is kept and applies if a refit brings it back"
          : "the refit left the topic too small to split; the split is kept and applies at a later refit");
    }
    ctx.json(out);
  }

  private static String topicField(@org.jspecify.annotations.Nullable String id) {
    if (id == null || !TOPIC_ID.matcher(id).matches()) {
      throw ApiException.badRequest("bad_topic", "a topic id is 1-100 letters, digits, '.', '_', ':' or '-'");
    }
    return id;
  }

  private String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (!TOPIC_ID.matcher(id).matches()) {
      throw ApiException.badRequest("bad_topic", "a topic id is 1-100 letters, digits, '.', '_', ':' or '-'");
    }
    return id;
  }

  void topic(Context ctx) throws IOException {
    String id = id(ctx);
    TopicSummary t = topics.topic(id).orElseThrow(() ->
        ApiException.notFound("unknown_topic", "no topic '" + id + "' in this workspace; GET /api/topics lists them"));
    int limit = Params.integer(ctx, "examples", 10, 0, Params.MAX_PAGE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("topic", t);
    out.put("examples", search.get().search(SearchRequest.builder("").filter("topic", id).sort("time").limit(limit)
        .highlight(false).build()).hits());
    ctx.json(out);
  }

  void rename(Context ctx) throws IOException {
    String id = id(ctx);
    JsonNode body = Params.body(ctx);
    String label = Params.text(body, "label", true, 200);
    if (topics.topic(id).isEmpty()) {
      throw ApiException.notFound("unknown_topic", "no topic '" + id + "' in this workspace; GET /api/topics lists them");
    }
    try {
      ctx.json(topics.rename(id, label));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_label", e.getMessage());
    }
  }

  void trends(Context ctx) throws IOException {
    // the same parameters as a search, so a search's URL works as is; paging is ignored (was: "limit must
    // be between 0 and 0" for a search URL carrying limit=20)
    SearchRequest filter = Params.search(ctx, 0, Params.MAX_PAGE);
    String interval = ctx.queryParam("interval");
    SearchRequest.Interval iv;
    try {
      iv = SearchRequest.Interval.parse(interval == null || interval.isBlank() ? "week" : interval);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_parameter", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interval", iv.name().toLowerCase(Locale.ROOT));
    try {
      out.put("buckets", trends.series(filter, iv));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_query", e.getMessage());
    }
    ctx.json(out);
  }
}
