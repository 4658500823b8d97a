package dev.verbatim.app.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The access tokens a server accepts, read from a token file: one token a line, {@code ROLE NAME
 * SECRET} ({@code reviewer ann 6f1c…}), {@code #} comments. Secrets are at least {@value
 * #MIN_SECRET} characters (e.g. {@code openssl rand -hex 24}); only their SHA-256 is kept in memory
 * and compared in constant time. Immutable and thread-safe.
 */
public final class AccessTokens {
  /** Shortest secret accepted. */
  public static final int MIN_SECRET = 24;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private record Entry(byte[] hash, Principal principal) {}

  private final List<Entry> entries;

  private AccessTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a token file.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static AccessTokens read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("token file " + file + " does not exist; write one line per token: ROLE NAME SECRET");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected ROLE NAME SECRET, e.g. 'reviewer ann "
            + "<48 hex chars>'");
      }
      parsed.add(new String[] {parts[0], parts[1], parts[2], String.valueOf(i + 1)});
    }
    return of(parsed, file.toString());
  }

  /** Tokens from {@code {role, name, secret}} triples (for tests and the demo). */
  public static AccessTokens of(List<String[]> tokens) {
    return of(tokens, "tokens");
  }

  private static AccessTokens of(List<String[]> tokens, String where) {
    List<Entry> entries = new ArrayList<>();
    Set<String> secrets = new HashSet<>();
    for (String[] t : tokens) {
      String at = t.length > 3 ? where + " line " + t[3] + ": " : where + ": ";
      Role role;
      try {
        role = Role.parse(t[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + e.getMessage(), e);
      }
      if (!NAME.matcher(t[1]).matches()) {
        throw new IllegalArgumentException(at + "name must be 1-64 letters, digits, '.', '_' or '-'");
      }
      if (t[2].length() < MIN_SECRET) {
        throw new IllegalArgumentException(at + "secret is shorter than " + MIN_SECRET
            + " characters; make one with `openssl rand -hex 24`");
      }
      if (!secrets.add(t[2])) throw new IllegalArgumentException(at + "the same secret is given twice");
      entries.add(new Entry(sha256(t[2]), new Principal(t[1], role, true)));
    }
    if (entries.isEmpty()) throw new IllegalArgumentException(where + " holds no token");
    return new AccessTokens(entries);
  }

  /** The principal whose secret this is; empty for an unknown secret. */
  public Optional<Principal> check(String secret) {
    byte[] h = sha256(secret);
    Principal found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(h, e.hash())) found = e.principal(); // no early exit: same time for every token
    }
    return Optional.ofNullable(found);
  }

  /** How many tokens. */
  public int size() {
    return entries.size();
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
