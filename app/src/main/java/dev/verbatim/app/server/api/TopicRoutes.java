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
 * POST /api/topics/{id}/rename}, {@code POST /api/topics/merge|split} (501: the CLI does them, and the
 * server keeps the index it opened) and {@code GET /api/trends}.
 */
public final class TopicRoutes {
  private static final Pattern TOPIC_ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,100}");

  private final TopicsView topics;
  private final TrendsView trends;
  private final FeedbackSearch search;

  /** Routes over the given views. */
  public TopicRoutes(TopicsView topics, TrendsView trends, FeedbackSearch search) {
    this.topics = topics;
    this.trends = trends;
    this.search = search;
  }

  /** Adds the routes. */
  public void register(Javalin app) {
    app.get("/api/topics", ctx -> ctx.json(Map.of("topics", topics.topics())));
    app.get("/api/topics/{id}", this::topic);
    app.post("/api/topics/{id}/rename", this::rename);
    app.post("/api/topics/merge", ctx -> notYet("merge"));
    app.post("/api/topics/split", ctx -> notYet("split"));
    app.get("/api/trends", this::trends);
  }

  private static void notYet(String what) {
    throw new ApiException(501, "not_supported", "the web API does not " + what
        + " topics yet: run `./verbatim topics " + what + " ...` (it re-tags the index), then restart"
        + " `verbatim serve`; rename is supported here (POST /api/topics/{id}/rename)");
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
    out.put("examples", search.search(SearchRequest.builder("").filter("topic", id).sort("time").limit(limit)
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
    SearchRequest filter = Params.search(ctx, 0, 0);
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
