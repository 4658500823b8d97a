package dev.verbatim.app.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.app.server.ApiException;
import dev.verbatim.index.SearchRequest;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reading and checking request parameters and bodies; every failure is a 400 that names the parameter. */
public final class Params {
  /** The most hits one search page returns. */
  public static final int MAX_PAGE = 100;
  /** The deepest page offset. */
  public static final int MAX_OFFSET = 10_000;
  /** The longest query. */
  public static final int MAX_QUERY = 2_000;
  /** Filter parameters and the index fields they filter. */
  static final List<String> FILTERS =
      List.of("channel", "sentiment", "topic", "account", "segment", "plan", "language", "source");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Params() {}

  /**
   * The search a request asks for: {@code q}, the filters (repeated or comma-separated), {@code
   * since}, {@code until}, {@code rating_min}, {@code rating_max}, {@code like}, {@code sort}, {@code
   * offset}, {@code limit} (at most {@code maxLimit}), {@code facets}, {@code histogram}, {@code
   * highlight}.
   */
  public static SearchRequest search(Context ctx, int defaultLimit, int maxLimit) {
    String q = ctx.queryParam("q");
    if (q == null) q = "";
    if (q.length() > MAX_QUERY) throw ApiException.badRequest("bad_query", "the query is longer than " + MAX_QUERY + " characters");
    try {
      SearchRequest.Builder b = SearchRequest.builder(q);
      for (String f : FILTERS) b.filter(f, values(ctx, f));
      String since = ctx.queryParam("since");
      String until = ctx.queryParam("until");
      if (since != null && !since.isBlank()) b.since(since);
      if (until != null && !until.isBlank()) b.until(until);
      b.rating(decimal(ctx, "rating_min"), decimal(ctx, "rating_max"));
      String sort = ctx.queryParam("sort");
      if (sort != null && !sort.isBlank()) b.sort(sort);
      b.offset(integer(ctx, "offset", 0, 0, MAX_OFFSET));
      b.limit(integer(ctx, "limit", defaultLimit, 0, maxLimit));
      b.facets(bool(ctx, "facets", false));
      b.highlight(bool(ctx, "highlight", true));
      String histogram = ctx.queryParam("histogram");
      if (histogram != null && !histogram.isBlank()) b.histogram(SearchRequest.Interval.parse(histogram));
      String like = ctx.queryParam("like");
      if (like != null && !like.isBlank()) b.moreLikeThis(like);
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_query", e.getMessage());
    }
  }

  /** All values of a repeatable, comma-separable parameter. */
  static List<String> values(Context ctx, String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  /** An integer parameter in {@code [min, max]}, {@code dflt} when absent. */
  static int integer(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_parameter", name + " must be a whole number, got '" + v + "'");
    }
    if (n < min || n > max) {
      throw ApiException.badRequest("bad_parameter", name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** An optional long parameter. */
  static @Nullable Long optionalLong(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_parameter", name + " must be a whole number, got '" + v + "'");
    }
  }

  private static @Nullable Double decimal(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_parameter", name + " must be a number, got '" + v + "'");
    }
  }

  private static boolean bool(Context ctx, String name, boolean dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw ApiException.badRequest("bad_parameter", name + " must be true or false, got '" + v + "'");
    };
  }

  /** The request body as a JSON object; 400 when it is not one. */
  public static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) throw ApiException.badRequest("bad_json", "the request needs a JSON object body");
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) throw ApiException.badRequest("bad_json", "the body must be a JSON object");
      return n;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("bad_json", "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A text field of a body; {@code null} when absent and optional. */
  static @Nullable String text(JsonNode body, String field, boolean required, int maxLength) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) throw ApiException.badRequest("missing_field", "the body needs \"" + field + "\"");
      return null;
    }
    if (!n.isTextual()) throw ApiException.badRequest("bad_field", "\"" + field + "\" must be a string");
    if (n.asText().length() > maxLength) {
      throw ApiException.badRequest("bad_field", "\"" + field + "\" is longer than " + maxLength + " characters");
    }
    return n.asText();
  }

  /** The token of a login body {@code {"token": "SECRET"}}; 400 when missing. */
  public static String token(Context ctx) {
    String t = text(body(ctx), "token", true, 512);
    return t == null ? "" : t.strip();
  }
}
