package dev.verbatim.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the API tests: fixed extra headers, one request, its answer. */
final class Http {
  /** A response: status, headers, body. */
  record Answer(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    String body() {
      return raw.body();
    }

    JsonNode json() {
      try {
        return VerbatimServer.JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status() + "): " + raw.body(), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> headers;

  Http(int port) {
    this("http://127.0.0.1:" + port, Map.of());
  }

  private Http(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** This client with one more header on every request. */
  Http with(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Http(base, h);
  }

  /**
   * A GET with a forged Host header, over a plain socket (java.net.http refuses to send another
   * Host): the status code and the body.
   */
  static String[] rawGet(int port, String path, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String status = all.substring(9, 12);
      int body = all.indexOf("\r\n\r\n");
      return new String[] {status, body < 0 ? "" : all.substring(body + 4)};
    }
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    headers.forEach(b::setHeader);
    b.timeout(Duration.ofSeconds(30));
    return new Answer(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }
}
