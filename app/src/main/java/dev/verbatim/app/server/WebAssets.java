package dev.verbatim.app.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web UI's files, read from {@code src/main/resources/web/} once at start and served from
 * memory: a fixed list, so no request path ever reaches the file system or the class path.
 */
final class WebAssets {
  /** Pages by URL path. */
  static final Map<String, String> PAGES = Map.of(
      "/", "search.html", "/topics", "topics.html", "/friction", "friction.html", "/label", "label.html",
      "/record", "record.html", "/login", "login.html");
  private static final List<String> STATIC = List.of(
      "app.css", "common.js", "search.js", "topics.js", "friction.js", "label.js", "record.js", "login.js");

  private record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  WebAssets() {
    for (String page : PAGES.values()) assets.put(page, load(page));
    for (String s : STATIC) assets.put("static/" + s, load("static/" + s));
    assets.put("openapi.yaml", load("openapi.yaml"));
  }

  private static Asset load(String name) {
    try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
      if (in == null) throw new IllegalStateException("web asset " + name + " is missing from the jar");
      return new Asset(in.readAllBytes(), type(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String name) {
    if (name.endsWith(".html")) return "text/html; charset=utf-8";
    if (name.endsWith(".css")) return "text/css; charset=utf-8";
    if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
    if (name.endsWith(".yaml")) return "application/yaml; charset=utf-8";
    return "application/octet-stream";
  }

  /** Answers with asset {@code name}; false if there is none. */
  boolean serve(Context ctx, String name) {
    Asset a = assets.get(name);
    if (a == null) return false;
    ctx.contentType(a.type());
    ctx.header("Cache-Control", "no-cache");
    ctx.result(a.bytes());
    return true;
  }
}
