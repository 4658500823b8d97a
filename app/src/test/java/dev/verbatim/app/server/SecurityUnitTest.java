package dev.verbatim.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.app.server.security.AccessTokens;
import dev.verbatim.app.server.security.RateLimiter;
import dev.verbatim.app.server.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token files and the rate limiter, without a server. */
class SecurityUnitTest {
  @TempDir Path dir;

  @Test
  void tokenFileLinesAreCheckedWithTheLineNumber() throws Exception {
    Path f = dir.resolve("tokens.txt");
    Files.writeString(f, "# who may come in\nanalyst ann " + "a".repeat(24) + "\nreviewer rex " + "b".repeat(40) + "\n");
    AccessTokens t = AccessTokens.read(f);
    assertEquals(2, t.size());
    assertEquals(Role.REVIEWER, t.check("b".repeat(40)).orElseThrow().role());
    assertTrue(t.check("c".repeat(40)).isEmpty());

    Files.writeString(f, "analyst ann short\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(f));
    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("openssl rand"), e.getMessage());
    Files.writeString(f, "admin ann " + "a".repeat(24) + "\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(f)).getMessage()
        .contains("reviewer or analyst"));
    Files.writeString(f, "analyst ann\n");
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(f));
    Files.writeString(f, "# nothing\n");
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(f));
    assertThrows(IllegalArgumentException.class, () -> AccessTokens.of(List.of(
        new String[] {"analyst", "a", "x".repeat(30)}, new String[] {"reviewer", "b", "x".repeat(30)})));
  }

  @Test
  void bucketRefillsAtItsRate() {
    AtomicLong now = new AtomicLong();
    RateLimiter r = new RateLimiter(2, 3, now::get);
    assertTrue(r.allow("a") && r.allow("a") && r.allow("a"));
    assertFalse(r.allow("a"));
    assertTrue(r.allow("b"), "another client has its own bucket");
    now.addAndGet(500_000_000L); // half a second: one request back at 2/s
    assertTrue(r.allow("a"));
    assertFalse(r.allow("a"));
  }
}
