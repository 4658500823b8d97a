package dev.verbatim.app.server.security;

import static java.util.Objects.requireNonNull;

import dev.verbatim.app.server.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The checks every request passes before a handler sees it, in this order:
 *
 * <ol>
 *   <li>security headers on every answer ({@code Content-Security-Policy}, {@code
 *       X-Content-Type-Options: nosniff}, {@code X-Frame-Options}, {@code Referrer-Policy}, no
 *       caching of API answers);
 *   <li>Host: on a loopback server only {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, so a
 *       DNS-rebinding page cannot talk to it (403);
 *   <li>rate: a token bucket per client address (429 with Retry-After);
 *   <li>size: a declared body above the limit is refused before it is read (413);
 *   <li>who: a bearer token ({@code Authorization: Bearer SECRET}) or a browser session cookie made
 *       by {@code POST /api/session}; without tokens (loopback only) everyone is {@link
 *       Principal#local()}. Missing or unknown: 401 for the API, a redirect to the login page for
 *       pages;
 *   <li>role: reviewers reach only the labelling page and {@code /api/review/*} (403 otherwise);
 *   <li>cross-site: a state-changing request from a browser must carry the {@code X-CSRF-Token}
 *       header equal to its {@code vb_csrf} cookie (double submit; the cookie is SameSite=Strict),
 *       an {@code Origin}, when sent, must be this server's, and an API body must be JSON (403/415).
 *       Requests that authenticate with a bearer header carry no ambient credential and skip the
 *       token check.
 * </ol>
 *
 * Thread-safe.
 */
public final class Guard {
  /** The request attribute holding the caller's {@link Principal}. */
  public static final String PRINCIPAL = "verbatim.principal";
  /** The CSRF cookie (readable by the page's script) and the header that must repeat it. */
  public static final String CSRF_COOKIE = "vb_csrf";
  /** The header carrying the CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** The browser session cookie (HttpOnly). */
  public static final String SESSION_COOKIE = "vb_session";

  /** Pages and scripts: our own files only, no inline script, no framing by others. */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  /** The friction report's own HTML, shown in a sandboxed frame of the friction page. */
  public static final String REPORT_CSP =
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final Set<String> OPEN_PATHS = Set.of("/login", "/api/session", "/favicon.ico");
  private static final Duration SESSION_LIFE = Duration.ofHours(12);

  private final @Nullable AccessTokens tokens;
  private final boolean loopback;
  private final RateLimiter rate;
  private final long maxBody;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  private record Session(Principal principal, long expires) {}

  /**
   * @param tokens the accepted tokens; null for a loopback server without tokens
   * @param loopback whether the server listens on a loopback address only
   * @param rate per-client limiter
   * @param maxBody largest request body in bytes
   */
  public Guard(@Nullable AccessTokens tokens, boolean loopback, RateLimiter rate, long maxBody, LongSupplier clock) {
    if (tokens == null && !loopback) {
      throw new IllegalArgumentException("a server reachable from other machines needs access tokens");
    }
    this.tokens = tokens;
    this.loopback = loopback;
    this.rate = requireNonNull(rate, "rate");
    this.maxBody = maxBody;
    this.clock = clock;
  }

  /** Whether callers must present a token. */
  public boolean tokensRequired() {
    return tokens != null;
  }

  /** Runs the checks; throws {@link ApiException} (or redirects a page) to stop the request. */
  public void before(Context ctx) {
    String path = ctx.path();
    boolean api = path.startsWith("/api/");
    headers(ctx, api);
    if (loopback && !hostAllowed(ctx.header("Host"))) {
      throw new ApiException(403, "host_not_allowed",
          "this server answers only to localhost, 127.0.0.1 or [::1]; open it by one of those names");
    }
    if (!rate.allow(ctx.ip())) {
      ctx.header("Retry-After", String.valueOf(rate.retryAfterSeconds()));
      throw new ApiException(429, "rate_limited", "too many requests from this address; slow down and retry");
    }
    long declared = ctx.contentLength();
    if (declared > maxBody) {
      throw new ApiException(413, "body_too_large",
          "the request body has " + declared + " bytes; the limit is " + maxBody);
    }
    ensureCsrfCookie(ctx);
    Principal who = identify(ctx);
    boolean open = OPEN_PATHS.contains(path) || path.startsWith("/static/");
    if (who == null && !open) {
      if (api) {
        throw new ApiException(401, "token_required",
            "send an access token: 'Authorization: Bearer SECRET' (or log in at /login in a browser)");
      }
      ctx.redirect("/login");
      ctx.skipRemainingHandlers();
      return;
    }
    if (who != null) {
      ctx.attribute(PRINCIPAL, who);
      if (who.role() == Role.REVIEWER && !open && !reviewerMay(path)) {
        throw new ApiException(403, "analyst_only",
            "reviewers can label and read the review queue; this needs an analyst token");
      }
    }
    if (changesState(ctx.method())) checkCrossSite(ctx, api);
  }

  /** The caller, as {@link #before} found them; 401 when there is none. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) throw new ApiException(401, "token_required", "send an access token");
    return p;
  }

  /** Checks a secret and opens a browser session for it; the cookie is set on {@code ctx}. */
  public Principal login(Context ctx, String secret) {
    if (tokens == null) return Principal.local();
    Principal p = tokens.check(secret).orElseThrow(() ->
        new ApiException(401, "bad_token", "that token is not known to this server"));
    String id = randomHex(32);
    long now = clock.getAsLong();
    sessions.values().removeIf(s -> s.expires() < now); // expired sessions go at the next login
    sessions.put(id, new Session(p, now + SESSION_LIFE.toMillis()));
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
        + SESSION_LIFE.toSeconds());
    return p;
  }

  /** Ends the browser session of {@code ctx}, if any. */
  public void logout(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    if (id != null) sessions.remove(id);
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  }

  private @Nullable Principal identify(Context ctx) {
    if (tokens == null) return Principal.local();
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new ApiException(401, "bad_token", "the Authorization header must be 'Bearer SECRET'");
      }
      return tokens.check(auth.substring(7).strip()).orElseThrow(() ->
          new ApiException(401, "bad_token", "that token is not known to this server"));
    }
    String id = ctx.cookie(SESSION_COOKIE);
    if (id == null) return null;
    Session s = sessions.get(id);
    if (s == null || s.expires() < clock.getAsLong()) {
      if (s != null) sessions.remove(id);
      return null;
    }
    return s.principal();
  }

  private static boolean reviewerMay(String path) {
    return path.equals("/") || path.equals("/label") || path.startsWith("/api/review/") || path.equals("/api/me");
  }

  private static boolean changesState(HandlerType m) {
    return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
  }

  private void checkCrossSite(Context ctx, boolean api) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx.header("Host"))) {
      throw new ApiException(403, "cross_site", "requests from other sites are refused");
    }
    if ("null".equals(origin)) throw new ApiException(403, "cross_site", "requests from opaque origins are refused");
    if (api && ctx.contentLength() != 0) {
      String type = ctx.header("Content-Type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        throw new ApiException(415, "json_required", "send the body as JSON with Content-Type: application/json");
      }
    }
    if (ctx.header("Authorization") != null) return; // no ambient credential to abuse
    String cookie = ctx.cookie(CSRF_COOKIE);
    String header = ctx.header(CSRF_HEADER);
    if (cookie == null || header == null || !MessageDigest.isEqual(AccessTokens.sha256(cookie), AccessTokens.sha256(header))) {
      throw new ApiException(403, "csrf",
          "missing or wrong " + CSRF_HEADER + " header: send the value of the " + CSRF_COOKIE + " cookie");
    }
  }

  private static boolean sameOrigin(String origin, @Nullable String host) {
    if (host == null) return false;
    try {
      URI u = URI.create(origin);
      String authority = u.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean hostAllowed(@Nullable String host) {
    if (host == null) return false;
    String h = host.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      if (end < 0) return false;
      h = h.substring(0, end + 1);
    } else {
      int colon = h.lastIndexOf(':');
      if (colon >= 0) h = h.substring(0, colon);
    }
    return LOOPBACK_HOSTS.contains(h.toLowerCase(Locale.ROOT));
  }

  private void ensureCsrfCookie(Context ctx) {
    if (ctx.cookie(CSRF_COOKIE) != null) return;
    String value = randomHex(24);
    ctx.res().addHeader("Set-Cookie", CSRF_COOKIE + "=" + value + "; Path=/; SameSite=Strict");
  }

  private static void headers(Context ctx, boolean api) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (api) ctx.header("Cache-Control", "no-store");
  }

  private String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** For tests: whether {@code host} passes the loopback Host check. */
  static boolean loopbackHost(String host) {
    return hostAllowed(host);
  }
}
