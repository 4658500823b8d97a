package dev.verbatim.app.server.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perSecond}.
 * Thread-safe; buckets idle for a minute are dropped so the map stays small.
 */
public final class RateLimiter {
  private static final long IDLE_NANOS = 60_000_000_000L;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long lastSweep;

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /**
   * @param perSecond sustained requests per second per client, above 0
   * @param burst requests a client may send at once, at least 1
   */
  public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be above 0 requests per second");
    if (burst < 1) throw new IllegalArgumentException("burst must be at least 1");
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.lastSweep = nanoTime.getAsLong();
  }

  /** With the system clock. */
  public RateLimiter(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  /** Takes one request from {@code client}'s bucket; false when it is empty (answer 429). */
  public boolean allow(String client) {
    long now = nanoTime.getAsLong();
    sweep(now);
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * perSecond / 1e9);
      b.at = now;
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    }
  }

  /** Seconds until {@code client} may send again (for Retry-After), at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / perSecond));
  }

  private void sweep(long now) {
    if (now - lastSweep < IDLE_NANOS) return;
    lastSweep = now;
    for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
      Bucket b = it.next().getValue();
      synchronized (b) {
        if (now - b.at > IDLE_NANOS) it.remove();
      }
    }
  }
}
