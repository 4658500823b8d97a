package dev.verbatim.pipeline.clean;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.FeedbackId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds near-duplicate texts across records with 64-bit SimHash fingerprints (Charikar 2002) over
 * word unigrams and bigrams, as Manku et al. (WWW 2007) do for web pages: two texts are
 * near-duplicates when their fingerprints differ in at most {@link #MAX_DISTANCE} bits. The
 * fingerprint is cut into four 16-bit bands and indexed by each; by the pigeonhole principle two
 * fingerprints within 3 bits share at least one band exactly, so a lookup scans four short buckets.
 *
 * <p><b>Which record is the original.</b> Among the near-duplicates seen so far, the original is
 * the one written first: the smallest {@code (eventTime, FeedbackId.key())}. A record that matches
 * an earlier-written original is linked to it and not stored (so a bot message repeated across
 * thousands of chats costs one entry); a record written before every match becomes an original
 * itself and later copies link to it. With worker threads the arrival order varies, so a copy that
 * arrives before its original stays unlinked; in the usual case (sources in time order, originals
 * arrive first) the links do not depend on thread timing. The same {@link FeedbackId} seen again
 * (a re-ingest) is never linked to itself.
 *
 * <p><b>Short texts</b> of fewer than {@link #MIN_TOKENS} words ("thanks", "great app") are never
 * linked: they repeat by chance, not by copying.
 *
 * <p><b>Memory bound.</b> At most {@code capacity} originals are kept, first in first out; each
 * costs about 60 bytes plus its {@code FeedbackId}, and the band tables a fixed 1 MB. The default
 * capacity of 200,000 thus stays under about 40 MB. A copy of an evicted original is not linked.
 *
 * <p>NOTE: thread-safe. Fingerprinting runs outside any lock; the lookup and insert share one
 * short critical section (four bucket scans).
 */
public final class SimHashDeduplicator {

  /** Fewer words than this: never a duplicate. */
  public static final int MIN_TOKENS = 5;

  /** Fingerprints at most this many bits apart are near-duplicates. */
  public static final int MAX_DISTANCE = 3;

  /** Default number of originals kept. */
  public static final int DEFAULT_CAPACITY = 200_000;

  /** Only the first this many words of a text are fingerprinted. */
  static final int MAX_TOKENS = 20_000;

  private static final int BANDS = 4;
  private static final int BUCKETS = 1 << 16;

  private final int capacity;
  private final long[] fingerprints;
  private final FeedbackId[] ids;
  private final Instant[] times;
  private final int[][] heads = new int[BANDS][BUCKETS];
  private final int[][] next;
  private long inserted = 0;

  /** A deduplicator keeping {@link #DEFAULT_CAPACITY} originals. */
  public SimHashDeduplicator() {
    this(DEFAULT_CAPACITY);
  }

  /** A deduplicator keeping at most {@code capacity} originals (at least 1). */
  public SimHashDeduplicator(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    this.capacity = capacity;
    this.fingerprints = new long[capacity];
    this.ids = new FeedbackId[capacity];
    this.times = new Instant[capacity];
    this.next = new int[BANDS][capacity];
    for (int[] h : heads) Arrays.fill(h, -1);
  }

  /**
   * Registers a record's text and returns the original it near-duplicates, if any.
   *
   * @param id the record
   * @param eventTime when the customer wrote it; decides which of two copies is the original
   * @param text the cleaned customer text
   * @return the original's id, or empty if this record is an original (or too short to tell)
   */
  public Optional<FeedbackId> register(FeedbackId id, Instant eventTime, String text) {
    requireNonNull(id, "id");
    requireNonNull(eventTime, "eventTime");
    List<String> tokens = tokens(text);
    if (tokens.size() < MIN_TOKENS) return Optional.empty();
    long fp = fingerprint(tokens);
    synchronized (this) {
      int best = -1;
      for (int b = 0; b < BANDS; b++) {
        for (int s = heads[b][band(fp, b)]; s >= 0; s = next[b][s]) {
          if (Long.bitCount(fp ^ fingerprints[s]) > MAX_DISTANCE) continue;
          if (best < 0 || earlier(times[s], ids[s], times[best], ids[best])) best = s;
        }
      }
      if (best >= 0 && ids[best].equals(id)) return Optional.empty(); // re-ingest of the original
      if (best >= 0 && earlier(times[best], ids[best], eventTime, id)) return Optional.of(ids[best]);
      insert(fp, id, eventTime);
      return Optional.empty();
    }
  }

  /** Number of originals currently kept; at most the capacity. */
  public synchronized int size() {
    return (int) Math.min(inserted, capacity);
  }

  private static boolean earlier(Instant t1, FeedbackId a, Instant t2, FeedbackId b) {
    int c = t1.compareTo(t2);
    return c < 0 || (c == 0 && a.key().compareTo(b.key()) < 0);
  }

  private void insert(long fp, FeedbackId id, Instant time) {
    int slot = (int) (inserted % capacity);
    if (inserted >= capacity) unlink(slot);
    fingerprints[slot] = fp;
    ids[slot] = id;
    times[slot] = time;
    for (int b = 0; b < BANDS; b++) {
      int bucket = band(fp, b);
      next[b][slot] = heads[b][bucket];
      heads[b][bucket] = slot;
    }
    inserted++;
  }

  private void unlink(int slot) {
    long fp = fingerprints[slot];
    for (int b = 0; b < BANDS; b++) {
      int bucket = band(fp, b);
      int prev = -1;
      for (int s = heads[b][bucket]; s >= 0; prev = s, s = next[b][s]) {
        if (s != slot) continue;
        if (prev < 0) heads[b][bucket] = next[b][s];
        else next[b][prev] = next[b][s];
        break;
      }
    }
  }

  private static int band(long fp, int b) {
    return (int) ((fp >>> (16 * b)) & 0xFFFF);
  }

  /** Lower-cased words: maximal runs of letters and digits. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n && out.size() < MAX_TOKENS) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** SimHash over unigrams and bigrams, each weighted 1. */
  static long fingerprint(List<String> tokens) {
    int[] votes = new int[64];
    for (int i = 0; i < tokens.size(); i++) {
      vote(votes, hash(tokens.get(i), 0x9E3779B97F4A7C15L));
      if (i + 1 < tokens.size()) {
        vote(votes, hash(tokens.get(i + 1), hash(tokens.get(i), 0xC2B2AE3D27D4EB4FL)));
      }
    }
    long fp = 0;
    for (int bit = 0; bit < 64; bit++) if (votes[bit] > 0) fp |= 1L << bit;
    return fp;
  }

  private static void vote(int[] votes, long h) {
    for (int bit = 0; bit < 64; bit++) votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
  }

  /** FNV-1a over the chars, seeded, then the splitmix64 finaliser for good bit spread. */
  private static long hash(String s, long seed) {
    long h = 0xCBF29CE484222325L ^ seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    h ^= h >>> 30;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 27;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return h;
  }
}
