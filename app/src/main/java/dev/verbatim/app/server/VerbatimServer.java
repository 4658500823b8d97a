package dev.verbatim.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.verbatim.app.Workspace;
import dev.verbatim.app.server.api.Params;
import dev.verbatim.app.server.api.ReportRoutes;
import dev.verbatim.app.server.api.ReviewRoutes;
import dev.verbatim.app.server.api.SearchRoutes;
import dev.verbatim.app.server.api.TopicRoutes;
import dev.verbatim.app.server.security.Guard;
import dev.verbatim.app.server.security.Principal;
import dev.verbatim.app.server.security.RateLimiter;
import dev.verbatim.app.server.security.Role;
import dev.verbatim.app.server.view.IndexTopicsView;
import dev.verbatim.app.server.view.IndexTrendsView;
import dev.verbatim.app.server.view.LiveIndex;
import dev.verbatim.app.server.view.LuceneRecordView;
import dev.verbatim.app.server.view.WorkspaceFrictionView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI and JSON API over one workspace: Javalin on embedded Jetty, one shared index reader,
 * one review queue. {@link #start} listens; {@link #close} stops and releases the index.
 *
 * <p>Every answer carries the security headers of {@link Guard}; failures are JSON {@code
 * {"error", "message"}} with a 4xx status, or 500 with a fixed message (the stack trace goes to the
 * log as the exception class only, since messages can hold customer text).
 */
public final class VerbatimServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(VerbatimServer.class);
  private static final String ERROR_SENT = "verbatim.error";

  /** The API's JSON: ISO-8601 times, as {@code verbatim search --json}. */
  public static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final ServerOptions options;
  private final LiveIndex search;
  private final LuceneRecordView records;
  private final ReviewRoutes review;
  private final Guard guard;
  private final WebAssets assets = new WebAssets();
  private final Javalin app;

  private VerbatimServer(Workspace ws, ServerOptions options) throws IOException {
    this.options = options;
    this.search = new LiveIndex(ws.index(), System::currentTimeMillis);
    this.records = new LuceneRecordView(search);
    this.guard = new Guard(options.tokens(), options.loopbackOnly(),
        new RateLimiter(options.ratePerSecond(), options.burst()), options.maxBodyBytes(), System::currentTimeMillis);
    this.review = new ReviewRoutes(ws.validationDb(), records, Clock.systemUTC());
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.jetty.defaultHost = options.bind();
      cfg.jetty.defaultPort = options.port();
      cfg.http.maxRequestSize = options.maxBodyBytes();
      cfg.http.gzipOnlyCompression();
      cfg.jsonMapper(new JavalinJackson(JSON, false));
      cfg.jetty.modifyHttpConfiguration(http -> {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
      });
      cfg.jetty.modifyServer(server -> {
        ErrorHandler quiet = new ErrorHandler();
        quiet.setShowStacks(false);
        quiet.setShowServlet(false);
        quiet.setShowMessageInTitle(false);
        server.setErrorHandler(quiet);
      });
    });
    app.before(guard::before);
    routes(ws);
    errors();
  }

  /**
   * Builds a server over {@code ws}'s index, review queue, topics, reports and run reports.
   *
   * @throws IOException if the workspace has no index (the message says how to make one)
   */
  public static VerbatimServer forWorkspace(Workspace ws, ServerOptions options) throws IOException {
    return new VerbatimServer(ws, options);
  }

  private void routes(Workspace ws) {
    for (Map.Entry<String, String> page : WebAssets.PAGES.entrySet()) {
      app.get(page.getKey(), ctx -> {
        if (page.getKey().equals("/") && Guard.principal(ctx).role() == Role.REVIEWER) {
          ctx.redirect("/label");
          return;
        }
        assets.serve(ctx, page.getValue());
      });
    }
    app.get("/static/{name}", ctx -> {
      if (!assets.serve(ctx, "static/" + ctx.pathParam("name"))) {
        throw ApiException.notFound("not_found", "no such file");
      }
    });
    app.get("/api/openapi.yaml", ctx -> assets.serve(ctx, "openapi.yaml"));
    app.get("/api/me", ctx -> {
      Principal p = Guard.principal(ctx);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("role", p.role().wire());
      m.put("named", p.named());
      m.put("tokens_required", guard.tokensRequired());
      ctx.json(m);
    });
    app.post("/api/session", ctx -> {
      String token = Params.token(ctx);
      Principal p = guard.login(ctx, token);
      ctx.json(Map.of("name", p.name(), "role", p.role().wire()));
    });
    app.delete("/api/session", ctx -> {
      guard.logout(ctx);
      ctx.json(Map.of("logged_out", true));
    });
    new SearchRoutes(search, records, JSON).register(app);
    new TopicRoutes(new IndexTopicsView(search, ws.topics(), ws.reports().resolve("friction.json"), System::currentTimeMillis), new IndexTrendsView(search),
        search, new dev.verbatim.app.TopicEdits(ws), search::refresh).register(app);
    new ReportRoutes(new WorkspaceFrictionView(ws.reports()), ws.runs(), JSON).register(app);
    review.register(app);
  }

  private void errors() {
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> {
      switch (e.getStatus()) {
        case 404 -> error(ctx, 404, "not_found", "no such page or endpoint: " + ctx.method() + " " + ctx.path());
        case 405 -> error(ctx, 405, "method_not_allowed", "this endpoint does not take " + ctx.method());
        case 413 -> error(ctx, 413, "body_too_large", "the request body is larger than " + options.maxBodyBytes() + " bytes");
        default -> error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
      }
    });
    app.exception(Exception.class, (e, ctx) -> {
      // never the message: it may quote customer text
      log.error("{} {} failed: {} at {}", ctx.method(), ctx.path(), e.getClass().getName(),
          e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      error(ctx, 500, "internal", "the server failed on this request; the server log names the error");
    });
    app.error(404, ctx -> {
      if (ctx.attribute(ERROR_SENT) == null) error(ctx, 404, "not_found", "no such page or endpoint: " + ctx.path());
    });
    app.error(405, ctx -> {
      if (ctx.attribute(ERROR_SENT) == null) error(ctx, 405, "method_not_allowed", "this endpoint does not take " + ctx.method());
    });
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.attribute(ERROR_SENT, Boolean.TRUE);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", code);
    m.put("message", message);
    ctx.status(status);
    ctx.json(m);
  }

  /**
   * Starts listening; returns this.
   *
   * @throws java.io.UncheckedIOException if the port is taken (the message says what to do); the
   *     index and review queue are released
   */
  public VerbatimServer start() {
    try {
      app.start();
    } catch (io.javalin.util.JavalinBindException e) {
      closeQuietly();
      throw new java.io.UncheckedIOException("port " + options.port() + " on " + options.bind() + " is in use (another"
          + " `verbatim serve`?): stop that, or pick another port with --port (0 picks a free one)",
          new java.net.BindException(e.getClass().getSimpleName()));
    }
    return this;
  }

  /** The port it listens on (the real one when 0 was asked). */
  public int port() {
    return app.port();
  }

  /** The URL to open in a browser. */
  public String url() {
    String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
    if (host.equals("0.0.0.0") || host.equals("[::]")) host = "localhost";
    return "http://" + host + ":" + port() + "/";
  }

  /** Blocks until the JVM is asked to stop (Ctrl-C), then stops. */
  public void awaitShutdown() throws InterruptedException {
    Thread hook = new Thread(this::closeQuietly, "verbatim-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread.currentThread().join();
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      log.warn("closing the server: {}", e.getClass().getName());
    }
  }

  @Override
  public void close() throws IOException {
    app.stop();
    review.close();
    search.close();
  }
}
