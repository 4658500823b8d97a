package dev.verbatim.app.server.security;

import static java.util.Objects.requireNonNull;

/**
 * Who is calling.
 *
 * @param name the token's name (a reviewer's labels are saved under it), or {@code local} when the
 *     server runs without tokens on the loopback interface
 * @param role what they may do
 * @param named whether the name comes from a token (labels use it) or the caller may pick one
 */
public record Principal(String name, Role role, boolean named) {
  public Principal {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
  }

  /** The caller on a loopback server without tokens: may do everything. */
  public static Principal local() {
    return new Principal("local", Role.ANALYST, false);
  }
}
