package dev.verbatim.app.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.app.server.ApiException;
import dev.verbatim.app.server.security.Guard;
import dev.verbatim.app.server.view.FrictionView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GET /api/friction} (JSON), {@code GET /api/friction.html} (the self-contained page, shown
 * sandboxed), {@code GET /api/runs} and {@code GET /api/runs/{id}}.
 */
public final class ReportRoutes {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");
  private static final String NO_FRICTION =
      "no friction report in this workspace yet: run `./verbatim report friction --workspace DIR` first";

  private final FrictionView friction;
  private final Path runs;
  private final ObjectMapper json;

  /**
   * @param runs the workspace's {@code runs/} folder
   */
  public ReportRoutes(FrictionView friction, Path runs, ObjectMapper json) {
    this.friction = friction;
    this.runs = runs;
    this.json = json;
  }

  /** Adds the routes. */
  public void register(Javalin app) {
    app.get("/api/friction", ctx -> ctx.json(friction.json().orElseThrow(() ->
        ApiException.notFound("no_friction_report", NO_FRICTION))));
    app.get("/api/friction.html", this::frictionHtml);
    app.get("/api/runs", this::runs);
    app.get("/api/runs/{id}", this::run);
  }

  void frictionHtml(Context ctx) throws IOException {
    byte[] html = friction.html().orElseThrow(() -> ApiException.notFound("no_friction_report", NO_FRICTION));
    // its own inline styles only, no script, in a sandbox; only our friction page may frame it
    ctx.header("Content-Security-Policy", Guard.REPORT_CSP);
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(html);
  }

  void runs(Context ctx) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    if (Files.isDirectory(runs)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(runs)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList().reversed();
      }
      for (Path f : files) {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = f.getFileName().toString();
        m.put("run_id", name.substring(0, name.length() - ".json".length()));
        try {
          JsonNode r = json.readTree(f.toFile());
          for (String field : List.of("started_at", "finished_at", "wall_seconds", "quarantined")) {
            JsonNode v = r.get(field);
            if (v != null && v.isValueNode()) m.put(field, v);
          }
        } catch (IOException e) {
          m.put("error", "unreadable report");
        }
        out.add(m);
      }
    }
    ctx.json(Map.of("runs", out));
  }

  void run(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (!RUN_ID.matcher(id).matches()) {
      throw ApiException.badRequest("bad_run_id", "a run id is letters, digits, '.', '_' or '-', e.g. 20260301-101500-ab12");
    }
    Path f = runs.resolve(id + ".json");
    if (!Files.isRegularFile(f)) throw ApiException.notFound("unknown_run", "no run report '" + id + "'; GET /api/runs lists them");
    ctx.contentType("application/json");
    ctx.result(Files.readAllBytes(f));
  }
}
