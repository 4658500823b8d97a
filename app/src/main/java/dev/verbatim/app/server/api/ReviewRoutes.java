package dev.verbatim.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.server.ApiException;
import dev.verbatim.app.server.security.Guard;
import dev.verbatim.app.server.security.Principal;
import dev.verbatim.app.server.view.RecordDetail;
import dev.verbatim.app.server.view.RecordView;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.estimate.Estimator;
import dev.verbatim.validation.estimate.ValidationStats;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.LabeledItem;
import dev.verbatim.validation.queue.QueueStatus;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.queue.SampleInfo;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The review queue over HTTP, for the labelling page: {@code GET /api/review/samples}, {@code GET
 * /api/review/next}, {@code POST /api/review/label}, {@code POST /api/review/skip}, {@code POST
 * /api/review/undo}, {@code GET /api/review/labels} and {@code GET /api/review/stats}. A label is
 * durable (SQLite, synchronous) before the answer is sent.
 *
 * <p>The reviewer is the token's name; on a loopback server without tokens the page sends {@code
 * reviewer} (a parameter, or a body field).
 */
public final class ReviewRoutes {
  private static final Pattern REVIEWER = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
  private static final int MAX_NOTE = 2_000;

  private final Path db;
  private final RecordView records;
  private final Clock clock;
  private @Nullable ReviewQueue queue;

  /**
   * @param db the workspace's {@code validation.db}; opened when it first exists
   * @param records context turns for each item
   */
  public ReviewRoutes(Path db, RecordView records, Clock clock) {
    this.db = db;
    this.records = records;
    this.clock = clock;
  }

  /** Adds the routes. */
  public void register(Javalin app) {
    app.get("/api/review/samples", this::samples);
    app.get("/api/review/next", this::next);
    app.post("/api/review/label", this::label);
    app.post("/api/review/skip", this::skip);
    app.post("/api/review/undo", this::undo);
    app.get("/api/review/labels", this::labels);
    app.get("/api/review/stats", this::stats);
  }

  private synchronized ReviewQueue queue() throws IOException {
    if (queue == null) {
      if (!Files.isRegularFile(db)) {
        throw ApiException.notFound("no_review_queue", "no review queue in this workspace yet: draw a sample with"
            + " `./verbatim validate sample --strategy stratified --margin 0.05`");
      }
      queue = ReviewQueue.open(db);
    }
    return queue;
  }

  /** Closes the queue, if open. */
  public synchronized void close() throws IOException {
    if (queue != null) queue.close();
    queue = null;
  }

  private long sample(ReviewQueue q, @Nullable Long asked) throws IOException {
    if (asked != null) {
      if (q.sample(asked).isEmpty()) {
        throw ApiException.notFound("unknown_sample", "no sample " + asked + "; GET /api/review/samples lists them");
      }
      return asked;
    }
    return q.latestSample().orElseThrow(() -> ApiException.notFound("no_sample",
        "no sample yet: draw one with `./verbatim validate sample --strategy stratified --margin 0.05`"));
  }

  private static String reviewer(Context ctx, @Nullable JsonNode body) {
    Principal p = Guard.principal(ctx);
    if (p.named()) return p.name();
    String r = ctx.queryParam("reviewer");
    if ((r == null || r.isBlank()) && body != null && body.hasNonNull("reviewer")) r = body.get("reviewer").asText();
    if (r == null || r.isBlank()) {
      throw ApiException.badRequest("missing_reviewer", "say who labels: reviewer=NAME (letters, digits, '.', '_', '-')");
    }
    if (!REVIEWER.matcher(r.strip()).matches()) {
      throw ApiException.badRequest("bad_reviewer", "a reviewer name is 1-64 letters, digits, '.', '_' or '-'");
    }
    return r.strip();
  }

  void samples(Context ctx) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    ReviewQueue q = queue();
    for (SampleInfo s : q.samples()) {
      Map<String, Object> m = info(s);
      m.put("progress", progress(q.status(s.id())));
      out.add(m);
    }
    ctx.json(Map.of("samples", out));
  }

  private static Map<String, Object> info(SampleInfo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("strategy", s.strategy().wire());
    m.put("seed", s.seed());
    m.put("items", s.items());
    m.put("population", s.populationSize());
    m.put("created", s.created().toString());
    return m;
  }

  private static Map<String, Object> progress(QueueStatus st) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", st.items());
    m.put("labels_required", st.labelsRequired());
    m.put("labels_done", st.labelsDone());
    m.put("remaining", st.remaining());
    m.put("flagged", st.flagged());
    m.put("skipped", st.skipped());
    m.put("reviewers", st.reviewers());
    return m;
  }

  void next(Context ctx) throws IOException {
    String who = reviewer(ctx, null);
    ReviewQueue q = queue();
    long s = sample(q, Params.optionalLong(ctx, "sample"));
    Optional<ReviewItem> next = q.next(who, s);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sample", s);
    out.put("reviewer", who);
    out.put("progress", progress(q.status(s)));
    out.put("item", next.map(this::item).orElse(null));
    ctx.json(out);
  }

  private Map<String, Object> item(ReviewItem it) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item_id", it.itemId());
    m.put("sample", it.sampleId());
    m.put("position", it.position());
    m.put("record_id", it.recordId());
    m.put("text", it.text());
    m.put("predicted", it.predicted().wire());
    m.put("confidence", it.record().confidence());
    m.put("topics", it.topics());
    m.put("channel", it.record().channel());
    m.put("overlap", it.overlap());
    m.put("context", context(it.recordId()));
    return m;
  }

  /** The record's turns from the index, when the item's id is a {@code source/id} key found there. */
  private @Nullable Map<String, Object> context(String recordId) {
    if (recordId.indexOf('/') <= 0) return null;
    try {
      Optional<RecordDetail> r = records.record(recordId);
      if (r.isEmpty()) return null;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", r.get().subject());
      m.put("event_time", r.get().eventTime().toString());
      m.put("turns", r.get().turns());
      return m;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  void label(Context ctx) throws IOException {
    JsonNode body = Params.body(ctx);
    String who = reviewer(ctx, body);
    JsonNode idNode = body.get("item_id");
    if (idNode == null || !idNode.canConvertToLong()) {
      throw ApiException.badRequest("missing_field", "the body needs \"item_id\" (a number, from /api/review/next)");
    }
    String label = Params.text(body, "label", true, 20).strip().toLowerCase(Locale.ROOT);
    String note = Params.text(body, "note", false, MAX_NOTE);
    String corrected = Params.text(body, "corrected_topic", false, 200);
    boolean pii = body.path("pii_unmasked").asBoolean(false);
    boolean topicWrong = body.path("topic_wrong").asBoolean(false);
    ReviewQueue q = queue();
    long itemId = idNode.asLong();
    ReviewItem it = find(q, itemId);
    Label saved;
    if (label.equals("flag")) {
      saved = new Label(who, null, Map.of(), null, pii, true, note == null ? "" : note, clock.instant());
    } else {
      SentimentLabel s = SentimentLabel.parse(label).orElseThrow(() -> ApiException.badRequest("bad_label",
          "label must be negative, neutral, positive or flag; got '" + label + "'"));
      Map<String, Boolean> verdicts = new LinkedHashMap<>();
      if (!it.topics().isEmpty()) verdicts.put(it.topics().get(0), !topicWrong);
      saved = new Label(who, s, verdicts, topicWrong && corrected != null && !corrected.isBlank() ? corrected.strip() : null,
          pii, false, note == null ? "" : note, clock.instant());
    }
    long id = q.save(itemId, saved);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("saved", id);
    out.put("item_id", itemId);
    out.put("label", label);
    out.put("progress", progress(q.status(it.sampleId())));
    ctx.json(out);
  }

  private static ReviewItem find(ReviewQueue q, long itemId) throws IOException {
    for (SampleInfo s : q.samples()) {
      for (ReviewItem it : q.items(s.id())) if (it.itemId() == itemId) return it;
    }
    throw ApiException.notFound("unknown_item", "no review item " + itemId + "; take items from /api/review/next");
  }

  void skip(Context ctx) throws IOException {
    JsonNode body = Params.body(ctx);
    String who = reviewer(ctx, body);
    JsonNode idNode = body.get("item_id");
    if (idNode == null || !idNode.canConvertToLong()) {
      throw ApiException.badRequest("missing_field", "the body needs \"item_id\" (a number)");
    }
    ReviewQueue q = queue();
    find(q, idNode.asLong());
    q.skip(who, idNode.asLong());
    ctx.json(Map.of("skipped", idNode.asLong()));
  }

  void undo(Context ctx) throws IOException {
    JsonNode body = ctx.body().isBlank() ? null : Params.body(ctx);
    String who = reviewer(ctx, body);
    Optional<Long> undone = queue().undoLast(who);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("undone_item", undone.orElse(null));
    ctx.json(out);
  }

  void labels(Context ctx) throws IOException {
    String who = reviewer(ctx, null);
    ReviewQueue q = queue();
    long s = sample(q, Params.optionalLong(ctx, "sample"));
    int limit = Params.integer(ctx, "limit", 50, 1, 1000);
    List<Map<String, Object>> mine = new ArrayList<>();
    for (LabeledItem li : q.labeled(s)) {
      for (Label l : li.labels()) {
        if (!l.reviewer().equals(who)) continue;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item_id", li.item().itemId());
        m.put("record_id", li.item().recordId());
        m.put("text", li.item().text());
        m.put("predicted", li.item().predicted().wire());
        m.put("label", l.flagged() ? "flag" : l.sentiment() == null ? null : l.sentiment().wire());
        m.put("pii_unmasked", l.piiUnmasked());
        m.put("note", l.note());
        m.put("created", l.created().toString());
        mine.add(m);
      }
    }
    mine.sort((a, b) -> ((String) b.get("created")).compareTo((String) a.get("created")));
    ctx.json(Map.of("sample", s, "reviewer", who, "labels", mine.subList(0, Math.min(limit, mine.size()))));
  }

  void stats(Context ctx) throws IOException {
    ReviewQueue q = queue();
    long s = sample(q, Params.optionalLong(ctx, "sample"));
    SampleInfo info = q.sample(s).orElseThrow();
    ValidationStats st = ValidationStats.compute(q.labeled(s), q.strata(s), info.strategy(), new Estimator(0.95, 1000, 1));
    Map<String, Object> m = st.summary(info);
    m.put("progress", progress(q.status(s)));
    ctx.json(m);
  }
}
