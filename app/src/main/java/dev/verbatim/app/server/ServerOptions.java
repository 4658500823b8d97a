package dev.verbatim.app.server;

import static java.util.Objects.requireNonNull;

import dev.verbatim.app.server.security.AccessTokens;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * How a server listens and what it accepts.
 *
 * @param bind the address to listen on; {@code 127.0.0.1} by default
 * @param port the port; 0 picks a free one
 * @param tokens access tokens; required unless {@code bind} is a loopback address
 * @param maxBodyBytes largest request body
 * @param ratePerSecond sustained requests per second per client address
 * @param burst requests a client may send at once
 */
public record ServerOptions(
    String bind, int port, @Nullable AccessTokens tokens, long maxBodyBytes, double ratePerSecond, int burst) {
  /** Default port. */
  public static final int DEFAULT_PORT = 7070;
  /** Default body limit: labels and renames are a few hundred bytes. */
  public static final long DEFAULT_MAX_BODY = 16 * 1024;

  public ServerOptions {
    requireNonNull(bind, "bind");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535: " + port);
    if (maxBodyBytes < 1) throw new IllegalArgumentException("the body limit must be at least 1 byte");
    if (tokens == null && !loopback(bind)) {
      throw new IllegalArgumentException("binding to " + bind + " lets other machines read customer text: give"
          + " --tokens FILE (lines 'analyst NAME SECRET' or 'reviewer NAME SECRET'), or bind to 127.0.0.1");
    }
  }

  /** Loopback on {@code port}, no tokens, default limits. */
  public static ServerOptions local(int port) {
    return new ServerOptions("127.0.0.1", port, null, DEFAULT_MAX_BODY, 50, 200);
  }

  /** Whether the server can be reached from this machine only. */
  public boolean loopbackOnly() {
    return loopback(bind);
  }

  /** Returns these options with other tokens. */
  public ServerOptions withTokens(@Nullable AccessTokens t) {
    return new ServerOptions(bind, port, t, maxBodyBytes, ratePerSecond, burst);
  }

  /** Returns these options with another rate limit. */
  public ServerOptions withRate(double perSecond, int burstSize) {
    return new ServerOptions(bind, port, tokens, maxBodyBytes, perSecond, burstSize);
  }

  static boolean loopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the bind address '" + bind + "'", e);
    }
  }
}
