package dev.verbatim.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code verbatim serve --bench N}: starts the server on a free loopback port over a workspace and
 * times N sequential requests per endpoint from one client on this machine, after N/10 warm-up
 * requests, then prints p50, p99 and mean in milliseconds. "Page load" fetches a page's HTML, its
 * stylesheet and scripts, and the API calls the page makes on open, one after another, as a cold
 * browser would (no cache; a browser fetches the two scripts in parallel, so this is an upper
 * bound). Queries cycle through a fixed list, so runs are comparable.
 */
public final class ServerBench {
  private static final List<String> QUERIES = List.of(
      "refund", "\"charged twice\"", "card", "login", "app crash", "slow", "fee", "transfer", "support", "cancel");

  private ServerBench() {}

  /** Runs the benchmark and prints a table to {@code out}. */
  public static void run(Workspace ws, int n, PrintStream out) throws IOException, InterruptedException {
    if (n < 1) throw new IllegalArgumentException("--bench needs at least 1 request per endpoint");
    ServerOptions options = ServerOptions.local(0).withRate(1e9, Integer.MAX_VALUE);
    try (VerbatimServer server = VerbatimServer.forWorkspace(ws, options).start()) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      JsonNode first = VerbatimServer.JSON.readTree(get(http, base + "/api/search?limit=1"));
      long records = first.path("total").asLong();
      String key = first.path("hits").path(0).path("source").asText() + "/" + first.path("hits").path(0).path("id").asText();
      String topic = "";
      JsonNode topics = VerbatimServer.JSON.readTree(get(http, base + "/api/topics")).path("topics");
      if (topics.size() > 0) topic = topics.get(0).path("id").asText();
      String topicParam = topic.isEmpty() ? "" : "&topic=" + enc(topic);

      Map<String, IntFunction<List<String>>> cases = new LinkedHashMap<>();
      cases.put("page load: search (html, css, 2 js, 4 API calls)", i -> List.of(
          "/", "/static/app.css", "/static/common.js", "/static/search.js", "/api/me", "/api/topics",
          "/api/review/stats", "/api/search?q=" + enc(q(i)) + "&facets=true&histogram=week&limit=20"));
      cases.put("page load: topics (html, css, 2 js, 3 API calls)", i -> List.of(
          "/topics", "/static/app.css", "/static/common.js", "/static/topics.js", "/api/me", "/api/review/stats",
          "/api/topics"));
      cases.put("GET /api/search q, 20 hits, highlights", i -> List.of("/api/search?q=" + enc(q(i)) + "&limit=20"));
      cases.put("GET /api/search q + facets + week histogram", i -> List.of(
          "/api/search?q=" + enc(q(i)) + "&limit=20&facets=true&histogram=week"));
      cases.put("GET /api/search filter channel+sentiment, by time", i -> List.of(
          "/api/search?q=" + enc(q(i)) + "&channel=ticket&sentiment=negative&sort=time&limit=20"));
      cases.put("GET /api/trends (week)", i -> List.of("/api/trends?interval=week&q=" + enc(q(i)) + topicParam));
      cases.put("GET /api/topics (cached list)", i -> List.of("/api/topics"));
      cases.put("GET /api/record", i -> List.of("/api/record?key=" + enc(key)));
      cases.put("GET /api/runs", i -> List.of("/api/runs"));

      out.printf(Locale.ROOT, "serve bench: %,d records in %s, %d requests per line after %d warm-up, one client,"
          + " loopback, %d cores%n%n", records, ws.index(), n, Math.max(1, n / 10), Runtime.getRuntime().availableProcessors());
      out.printf(Locale.ROOT, "%-58s %9s %9s %9s%n", "what", "p50 ms", "p99 ms", "mean ms");
      for (Map.Entry<String, IntFunction<List<String>>> c : cases.entrySet()) {
        for (int i = 0; i < Math.max(1, n / 10); i++) for (String p : c.getValue().apply(i)) get(http, base + p);
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          for (String p : c.getValue().apply(i)) get(http, base + p);
          nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        out.printf(Locale.ROOT, "%-58s %9.2f %9.2f %9.2f%n", c.getKey(), pct(nanos, 0.50), pct(nanos, 0.99), mean);
      }
    }
  }

  private static String q(int i) {
    return QUERIES.get(i % QUERIES.size());
  }

  private static double pct(long[] sorted, double p) {
    int idx = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    // 404 is a real answer for optional parts (no review queue, no friction report yet)
    if (r.statusCode() != 200 && r.statusCode() != 404) throw new IOException("GET " + url + " answered " + r.statusCode());
    return r.body();
  }
}
