package dev.verbatim.app.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.app.server.ApiException;
import dev.verbatim.app.server.view.RecordView;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.Hit;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SearchResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /api/search} (the JSON of {@code verbatim search --json}), {@code GET /api/export}
 * (every match as JSON lines, analysts only) and {@code GET /api/record?key=SOURCE/ID}.
 */
public final class SearchRoutes {
  /** The most records one export returns. */
  public static final int MAX_EXPORT = 100_000;
  private static final int EXPORT_PAGE = 1_000;

  private final java.util.function.Supplier<FeedbackSearch> search;
  private final RecordView records;
  private final ObjectMapper json;

  /** Routes over the workspace's index. */
  public SearchRoutes(java.util.function.Supplier<FeedbackSearch> search, RecordView records, ObjectMapper json) {
    this.search = search;
    this.records = records;
    this.json = json;
  }

  /** Adds the routes. */
  public void register(Javalin app) {
    app.get("/api/search", this::search);
    app.get("/api/export", this::export);
    app.get("/api/record", this::record);
  }

  void search(Context ctx) throws IOException {
    SearchRequest request = Params.search(ctx, 20, Params.MAX_PAGE);
    SearchResult result = run(request);
    ctx.json(result);
  }

  private SearchResult run(SearchRequest request) throws IOException {
    try {
      return search.get().search(request);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_query", e.getMessage());
    }
  }

  void export(Context ctx) throws IOException {
    SearchRequest base = Params.search(ctx, MAX_EXPORT, MAX_EXPORT);
    int wanted = base.limit();
    SearchRequest first = page(base, base.offset(), Math.min(EXPORT_PAGE, wanted));
    SearchResult r = run(first); // a bad query fails here, before any line is sent
    ctx.contentType("application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"verbatim-export.jsonl\"");
    OutputStream out = ctx.outputStream();
    int sent = 0;
    int offset = base.offset();
    while (true) {
      for (Hit h : r.hits()) {
        out.write(json.writeValueAsBytes(h));
        out.write('\n');
        sent++;
      }
      offset += r.hits().size();
      if (r.hits().size() < first.limit() || sent >= wanted || offset >= r.total()) break;
      r = run(page(base, offset, Math.min(EXPORT_PAGE, wanted - sent)));
    }
    out.flush();
  }

  private static SearchRequest page(SearchRequest b, int offset, int limit) {
    return new SearchRequest(b.query(), b.filters(), b.since(), b.until(), b.ratingMin(), b.ratingMax(), b.sort(),
        offset, limit, false, null, false, b.moreLikeThis(), b.semantic(), b.similarTo(), b.minSimilarity());
  }

  void record(Context ctx) throws IOException {
    String key = ctx.queryParam("key");
    if (key == null || key.isBlank()) {
      throw ApiException.badRequest("missing_parameter", "give the record as key=SOURCE/ID, e.g. key=zendesk/T-1042");
    }
    try {
      ctx.json(records.record(key.strip()).orElseThrow(() ->
          ApiException.notFound("unknown_record", "no record '" + key.strip() + "' in this workspace's index")));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_key", e.getMessage());
    }
  }
}
