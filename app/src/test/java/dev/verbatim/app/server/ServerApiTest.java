package dev.verbatim.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.Workspace;
import dev.verbatim.app.cli.VerbatimCli;
import dev.verbatim.app.server.security.AccessTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of the API against a small fixture workspace, with good and bad input: two servers
 * on free loopback ports, one without tokens (as {@code serve} runs by default) and one with an
 * analyst and a reviewer token.
 */
class ServerApiTest {
  private static final String ANALYST = "a".repeat(30);
  private static final String REVIEWER = "r".repeat(30);

  @TempDir static Path dir;
  static Workspace ws;
  static VerbatimServer local;
  static VerbatimServer guarded;
  static Http api;       // local server, a browser with its CSRF cookie and header
  static Http bare;      // local server, no cookie, no CSRF header
  static Http tokenless; // guarded server, no token

  @BeforeAll
  static void start() throws Exception {
    ws = Fixture.build(dir.resolve("ws"));
    local = VerbatimServer.forWorkspace(ws, ServerOptions.local(0).withRate(1000, 1000)).start();
    guarded = VerbatimServer.forWorkspace(ws, ServerOptions.local(0).withRate(1000, 1000).withTokens(
        AccessTokens.of(List.of(new String[] {"analyst", "ann", ANALYST}, new String[] {"reviewer", "rex", REVIEWER}))))
        .start();
    bare = new Http(local.port());
    api = bare.with("Cookie", "vb_csrf=tok123").with("X-CSRF-Token", "tok123");
    tokenless = new Http(guarded.port());
  }

  @AfterAll
  static void stop() throws Exception {
    local.close();
    guarded.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void assertError(Http.Answer a, int status, String code) {
    assertEquals(status, a.status(), a.body());
    JsonNode j = a.json();
    assertEquals(code, j.path("error").asText(), a.body());
    assertFalse(j.path("message").asText().isBlank(), "a message that says what to fix");
    assertFalse(a.body().contains("Exception") || a.body().contains("\tat "), "no stack trace: " + a.body());
  }

  @Test
  void searchAnswersTheSameJsonAsSearchJson() throws Exception {
    Http.Answer a = api.get("/api/search?q=" + enc("\"charged twice\"") + "&facets=true&histogram=week&limit=5");
    assertEquals(200, a.status(), a.body());
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = VerbatimCli.execute("search", "\"charged twice\"", "--facets", "--histogram", "week", "--limit", "5", "--json",
          "--workspace", ws.root().toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(0, exit);
    assertEquals(VerbatimServer.JSON.readTree(out.toString(StandardCharsets.UTF_8)), a.json());
    assertEquals(20, a.json().path("total").asLong());
    assertTrue(a.json().path("hits").get(0).path("highlight").asText().contains("<mark>"));
  }

  @Test
  void searchFiltersPagesAndEscapesHighlights() throws Exception {
    JsonNode chat = api.get("/api/search?q=" + enc("charged twice") + "&channel=chat&limit=100").json();
    assertTrue(chat.path("total").asLong() > 0);
    for (JsonNode h : chat.path("hits")) assertEquals("chat", h.path("channel").asText());
    JsonNode two = api.get("/api/search?channel=chat,review&limit=0&facets=true").json();
    assertEquals(2, two.path("facets").path("channel").size());
    JsonNode page = api.get("/api/search?sort=time&offset=10&limit=5").json();
    assertEquals(5, page.path("hits").size());
    JsonNode xss = api.get("/api/search?q=script").json();
    String hl = xss.path("hits").get(0).path("highlight").asText();
    assertFalse(hl.contains("<script"), hl);
    assertTrue(hl.contains("&lt;"), hl);
  }

  @Test
  void badSearchInputIs400WithWhatToFix() throws Exception {
    assertError(api.get("/api/search?q=" + enc("\"charged")), 400, "bad_query");
    assertTrue(api.get("/api/search?q=" + enc("\"charged")).json().path("message").asText().contains("unbalanced quotes"));
    assertError(api.get("/api/search?q=nosuchfield:x"), 400, "bad_query");
    assertError(api.get("/api/search?limit=1000"), 400, "bad_parameter");
    assertError(api.get("/api/search?limit=ten"), 400, "bad_parameter");
    assertError(api.get("/api/search?offset=-1"), 400, "bad_parameter");
    assertError(api.get("/api/search?histogram=year"), 400, "bad_query");
    assertError(api.get("/api/search?sort=sideways"), 400, "bad_query");
    assertError(api.get("/api/search?since=yesterday"), 400, "bad_query");
    assertError(api.get("/api/search?facets=maybe"), 400, "bad_parameter");
    assertError(api.get("/api/search?q=" + "x".repeat(2001)), 400, "bad_query");
  }

  @Test
  void recordDetailHasTurnsAndRejectsBadKeys() throws Exception {
    JsonNode r = api.get("/api/record?key=" + enc("intercom/T-1")).json();
    assertEquals("chat", r.path("channel").asText());
    assertEquals(2, r.path("turns").size());
    assertEquals("agent", r.path("turns").get(1).path("speaker").asText());
    assertEquals(Fixture.XSS_TEXT, api.get("/api/record?key=" + enc(Fixture.XSS_KEY)).json().path("text").asText());
    assertError(api.get("/api/record?key=" + enc("zendesk/nope")), 404, "unknown_record");
    assertError(api.get("/api/record?key=nokey"), 400, "bad_key");
    assertError(api.get("/api/record"), 400, "missing_parameter");
  }

  @Test
  void topicsListRenameAndUnknownTopic() throws Exception {
    JsonNode list = api.get("/api/topics").json().path("topics");
    JsonNode billing = null;
    for (JsonNode t : list) if (t.path("id").asText().equals("billing")) billing = t;
    assertNotNull(billing, list.toString());
    assertEquals(20, billing.path("volume").asLong());
    assertEquals(1.0, billing.path("negative_share").asDouble(), 1e-9);
    assertEquals(3.03, billing.path("churn_association").asDouble(), 1e-9, "from reports/friction.json");
    assertTrue(billing.path("trend").size() >= 10);
    assertEquals("charged", billing.path("top_terms").get(0).asText());

    JsonNode one = api.get("/api/topics/app?examples=3").json();
    assertEquals(3, one.path("examples").size());
    assertError(api.get("/api/topics/nope"), 404, "unknown_topic");
    assertError(api.get("/api/topics/" + enc("a b")), 400, "bad_topic");
    assertError(api.post("/api/topics/nope/rename", "{\"label\":\"x\"}"), 404, "unknown_topic");
    assertError(api.post("/api/topics/app/rename", "{\"label\":\"   \"}"), 400, "bad_label");
    assertError(api.post("/api/topics/app/rename", "{}"), 400, "missing_field");
    assertError(api.post("/api/topics/merge", "{}"), 400, "missing_field");
    assertError(api.post("/api/topics/merge", "{\"into\":\"app\",\"from\":\"billing\"}"), 400, "bad_body");
    assertError(api.post("/api/topics/split", "{\"topic\":\"a b\"}"), 400, "bad_topic");

    assertError(api.post("/api/topics/app/rename", "{\"label\":\" Double CHARGES \"}"), 400, "bad_label");
    assertError(api.post("/api/topics/app/rename", "{\"label\":\"red\\u001b[31m\\u0000\"}"), 400, "bad_label");
    assertFalse(Files.exists(ws.topics().resolve("taxonomy.json"))
        && Files.readString(ws.topics().resolve("taxonomy.json")).contains("CHARGES"), "another topic's name is refused");
    JsonNode renamed = api.post("/api/topics/app/rename", "{\"label\":\"app stability\"}").json();
    assertEquals("app stability", renamed.path("label").asText());
    assertTrue(Files.readString(ws.topics().resolve("taxonomy.json")).contains("app stability"));
    assertEquals("app stability", api.get("/api/topics/app").json().path("topic").path("label").asText());
  }

  @Test
  void serveOnATakenPortSaysSoAndExits2() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      PrintStream old = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit = VerbatimCli.execute("serve", "--workspace", ws.root().toString(), "--port", String.valueOf(taken.getLocalPort()));
      } finally {
        System.setErr(old);
      }
      String said = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, exit, said);
      assertTrue(said.contains("is in use") && said.contains("--port"), said);
      assertFalse(said.contains("\tat ") || said.contains("this is a bug"), said);
    }
  }

  @Test
  void trendsSumToTheSearchTotal() throws Exception {
    JsonNode t = api.get("/api/trends?interval=week&topic=billing").json();
    assertEquals("week", t.path("interval").asText());
    long sum = 0;
    for (JsonNode b : t.path("buckets")) sum += b.path("count").asLong();
    assertEquals(20, sum);
    assertEquals(t.path("buckets").size(), api.get("/api/trends?topic=billing").json().path("buckets").size());
    Http.Answer paged = api.get("/api/trends?interval=week&topic=billing&limit=20&offset=20&sort=time");
    assertEquals(200, paged.status(), "a search's URL, paging included, works for trends: " + paged.body());
    assertEquals(t.path("buckets"), paged.json().path("buckets"));
    assertError(api.get("/api/trends?interval=year"), 400, "bad_parameter");
    assertError(api.get("/api/trends?q=" + enc("(refund")), 400, "bad_query");
  }

  @Test
  void frictionReportAndRunReports() throws Exception {
    assertEquals("billing", api.get("/api/friction").json().path("items").get(0).path("topic").asText());
    Http.Answer html = api.get("/api/friction.html");
    assertEquals(200, html.status());
    assertTrue(html.header("Content-Security-Policy").startsWith("sandbox"), html.header("Content-Security-Policy"));
    JsonNode runs = api.get("/api/runs").json().path("runs");
    assertEquals("20260401-101500-ab12", runs.get(0).path("run_id").asText());
    assertEquals("20260401-101500-ab12", api.get("/api/runs/20260401-101500-ab12").json().path("run_id").asText());
    assertError(api.get("/api/runs/nope"), 404, "unknown_run");
    assertError(api.get("/api/runs/" + enc("..\\x")), 400, "bad_run_id");
  }

  @Test
  void frictionIs404WithTheCommandToRunWhenThereIsNoReport() throws Exception {
    Path other = dir.resolve("no-report");
    Fixture.build(other);
    Files.delete(other.resolve("reports/friction.json"));
    Files.delete(other.resolve("reports/friction.html"));
    try (VerbatimServer s = VerbatimServer.forWorkspace(new Workspace(other), ServerOptions.local(0)).start()) {
      Http.Answer a = new Http(s.port()).get("/api/friction");
      assertError(a, 404, "no_friction_report");
      assertTrue(a.json().path("message").asText().contains("./verbatim report friction"));
      assertError(new Http(s.port()).get("/api/friction.html"), 404, "no_friction_report");
    }
  }

  @Test
  void reviewQueueNextLabelUndoStats() throws Exception {
    JsonNode samples = api.get("/api/review/samples").json().path("samples");
    assertEquals(8, samples.get(0).path("items").asInt());
    JsonNode next = api.get("/api/review/next?reviewer=ann").json();
    JsonNode item = next.path("item");
    long id = item.path("item_id").asLong();
    int done = next.path("progress").path("labels_done").asInt();
    assertFalse(item.path("text").asText().isBlank());
    assertNotNull(item.get("context"));
    Http.Answer saved = api.post("/api/review/label", "{\"item_id\":" + id + ",\"label\":\"negative\",\"reviewer\":\"ann\"}");
    assertEquals(200, saved.status(), saved.body());
    assertEquals(done + 1, saved.json().path("progress").path("labels_done").asInt());
    JsonNode mine = api.get("/api/review/labels?reviewer=ann").json().path("labels");
    assertEquals(1, mine.size());
    assertEquals("negative", mine.get(0).path("label").asText());
    assertTrue(api.get("/api/review/next?reviewer=ann").json().path("item").path("item_id").asLong() != id);
    assertEquals(id, api.post("/api/review/undo", "{\"reviewer\":\"ann\"}").json().path("undone_item").asLong());
    assertEquals(id, api.get("/api/review/next?reviewer=ann").json().path("item").path("item_id").asLong());
    assertEquals(0, api.get("/api/review/labels?reviewer=ann").json().path("labels").size());
    api.post("/api/review/label", "{\"item_id\":" + id + ",\"label\":\"flag\",\"note\":\"not English\",\"reviewer\":\"ann\"}");
    JsonNode stats = api.get("/api/review/stats").json();
    assertEquals(1, stats.path("flagged").asInt());
    assertEquals("stratified", stats.path("strategy").asText());
    assertTrue(api.post("/api/review/skip", "{\"item_id\":" + id + ",\"reviewer\":\"bob\"}").status() == 200);
  }

  @Test
  void reviewRejectsBadInput() throws Exception {
    assertError(api.get("/api/review/next"), 400, "missing_reviewer");
    assertError(api.get("/api/review/next?reviewer=" + enc("<b>x</b>")), 400, "bad_reviewer");
    assertError(api.get("/api/review/next?reviewer=ann&sample=99"), 404, "unknown_sample");
    assertError(api.get("/api/review/next?reviewer=ann&sample=x"), 400, "bad_parameter");
    assertError(api.post("/api/review/label", "{\"item_id\":1,\"label\":\"great\",\"reviewer\":\"ann\"}"), 400, "bad_label");
    assertError(api.post("/api/review/label", "{\"label\":\"negative\",\"reviewer\":\"ann\"}"), 400, "missing_field");
    assertError(api.post("/api/review/label", "{\"item_id\":99999,\"label\":\"negative\",\"reviewer\":\"ann\"}"), 404, "unknown_item");
    assertError(api.post("/api/review/label", "{not json"), 400, "bad_json");
    assertError(api.post("/api/review/label", "[1,2]"), 400, "bad_json");
  }

  @Test
  void noReviewQueueIs404WithTheCommandToRun() throws Exception {
    Path other = dir.resolve("no-queue");
    Fixture.build(other);
    Files.delete(other.resolve("validation.db"));
    Files.deleteIfExists(other.resolve("validation.db-wal"));
    Files.deleteIfExists(other.resolve("validation.db-shm"));
    try (VerbatimServer s = VerbatimServer.forWorkspace(new Workspace(other), ServerOptions.local(0)).start()) {
      Http.Answer a = new Http(s.port()).get("/api/review/next?reviewer=ann");
      assertError(a, 404, "no_review_queue");
      assertTrue(a.json().path("message").asText().contains("validate sample"));
    }
  }

  @Test
  void everyAnswerCarriesSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/label", "/static/search.js", "/api/search", "/api/nope")) {
      Http.Answer a = api.get(path);
      assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
      assertTrue(a.header("Content-Security-Policy").contains("script-src 'self'"), path);
      assertFalse(a.header("Content-Security-Policy").contains("unsafe-inline"), path);
      assertEquals(null, a.header("Server"), path);
    }
    assertTrue(api.get("/").body().contains("<script src=\"/static/search.js\""));
    assertTrue(api.get("/api/openapi.yaml").body().contains("/api/review/label:"));
    assertError(api.get("/api/nope"), 404, "not_found");
    assertError(api.get("/static/..%2Fopenapi.yaml"), 404, "not_found");
  }

  @Test
  void stateChangesNeedTheCsrfTokenAndSameOrigin() throws Exception {
    String body = "{\"label\":\"x\"}";
    assertError(bare.post("/api/topics/app/rename", body), 403, "csrf");
    assertError(bare.with("Cookie", "vb_csrf=abc").with("X-CSRF-Token", "abd").post("/api/topics/app/rename", body), 403, "csrf");
    assertError(api.with("Origin", "http://evil.example").post("/api/topics/app/rename", body), 403, "cross_site");
    Http.Answer form = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + "/api/topics/app/rename"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("label=x")));
    assertError(form, 415, "json_required");
    assertTrue(bare.get("/").header("Set-Cookie").contains("SameSite=Strict"));
  }

  @Test
  void oversizedBodiesAndForeignHostsAreRefused() throws Exception {
    String big = "{\"label\":\"" + "x".repeat(20_000) + "\"}";
    assertError(api.post("/api/topics/app/rename", big), 413, "body_too_large");
    String[] rebound = Http.rawGet(local.port(), "/api/search", "attacker.example:7070");
    assertEquals("403", rebound[0]);
    assertTrue(rebound[1].contains("host_not_allowed"), rebound[1]);
    assertEquals("200", Http.rawGet(local.port(), "/api/me", "localhost:1234")[0]);
    assertEquals("200", Http.rawGet(local.port(), "/api/me", "[::1]:1234")[0]);
    assertEquals("403", Http.rawGet(local.port(), "/api/me", "127.0.0.1.evil.example")[0]);
  }

  @Test
  void tokensAndRoles() throws Exception {
    assertError(tokenless.get("/api/search"), 401, "token_required");
    assertError(tokenless.with("Authorization", "Bearer " + "x".repeat(30)).get("/api/search"), 401, "bad_token");
    assertError(tokenless.with("Authorization", "Basic abc").get("/api/search"), 401, "bad_token");
    Http.Answer page = tokenless.get("/topics");
    assertEquals(302, page.status());
    assertEquals("/login", page.header("Location"));
    assertEquals(200, tokenless.get("/login").status());

    Http reviewer = tokenless.with("Authorization", "Bearer " + REVIEWER);
    assertError(reviewer.get("/api/search?q=refund"), 403, "analyst_only");
    assertError(reviewer.get("/api/export"), 403, "analyst_only");
    assertError(reviewer.get("/api/record?key=" + enc("zendesk/T-0")), 403, "analyst_only");
    assertError(reviewer.get("/topics"), 403, "analyst_only");
    JsonNode next = reviewer.get("/api/review/next").json();
    assertEquals("rex", next.path("reviewer").asText());
    long id = next.path("item").path("item_id").asLong();
    assertEquals(200, reviewer.post("/api/review/label", "{\"item_id\":" + id + ",\"label\":\"neutral\",\"reviewer\":\"mallory\"}").status());
    assertEquals("neutral", reviewer.get("/api/review/labels").json().path("labels").get(0).path("label").asText());
    assertEquals("rex", reviewer.get("/api/review/labels").json().path("reviewer").asText());

    Http analyst = tokenless.with("Authorization", "Bearer " + ANALYST);
    Http.Answer export = analyst.get("/api/export?q=" + enc("\"charged twice\""));
    assertEquals(200, export.status(), export.body());
    assertEquals(20, export.body().lines().count());
    assertEquals("ann", analyst.get("/api/me").json().path("name").asText());
  }

  @Test
  void browserSessionFromALoginThenCsrfOnWrites() throws Exception {
    Http browser = tokenless.with("Cookie", "vb_csrf=c1").with("X-CSRF-Token", "c1");
    assertError(browser.post("/api/session", "{\"token\":\"" + "z".repeat(30) + "\"}"), 401, "bad_token");
    Http.Answer login = browser.post("/api/session", "{\"token\":\"" + ANALYST + "\"}");
    assertEquals(200, login.status(), login.body());
    String cookie = login.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vb_session="))
        .findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String session = cookie.substring(0, cookie.indexOf(';'));
    Http loggedIn = tokenless.with("Cookie", session + "; vb_csrf=c1");
    assertEquals("ann", loggedIn.get("/api/me").json().path("name").asText());
    assertError(loggedIn.post("/api/topics/app/rename", "{\"label\":\"x\"}"), 403, "csrf");
    assertEquals(200, loggedIn.with("X-CSRF-Token", "c1").post("/api/topics/billing/rename", "{\"label\":\"double charges\"}").status());
  }

  @Test
  void rateLimitAnswers429WithRetryAfter() throws Exception {
    try (VerbatimServer s = VerbatimServer.forWorkspace(ws, ServerOptions.local(0).withRate(0.5, 3)).start()) {
      Http h = new Http(s.port());
      for (int i = 0; i < 3; i++) assertEquals(200, h.get("/api/me").status());
      Http.Answer a = h.get("/api/me");
      assertError(a, 429, "rate_limited");
      assertEquals("2", a.header("Retry-After"));
    }
  }

  @Test
  void serveCommandRefusesAnOpenBindWithoutTokensAndBenchPrintsFigures() throws Exception {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = VerbatimCli.execute("serve", "--bind", "0.0.0.0", "--workspace", ws.root().toString());
    } finally {
      System.setErr(oldErr);
    }
    assertEquals(2, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tokens"), err.toString(StandardCharsets.UTF_8));

    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      exit = VerbatimCli.execute("serve", "--bench", "2", "--workspace", ws.root().toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(0, exit);
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("61 records") && table.contains("page load: search") && table.contains("p99 ms"), table);
  }

  @Test
  void nonLoopbackBindNeedsTokens() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ServerOptions("0.0.0.0", 7070, null, 1024, 10, 10));
    assertTrue(e.getMessage().contains("--tokens"));
  }
}
