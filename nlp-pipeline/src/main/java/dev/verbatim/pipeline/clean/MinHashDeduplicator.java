package dev.verbatim.pipeline.clean;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.FeedbackId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds near-duplicate texts across records: MinHash signatures (Broder 1997) over word unigrams
 * and bigrams, indexed by locality-sensitive hashing ({@value #BANDS} bands of {@value #ROWS} rows,
 * Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3); with these bands a pair
 * at similarity 0.7 becomes a candidate with probability 0.99, at 0.8 with 0.9998.
 *
 * <p><b>When two texts are near-duplicates.</b> A link says "this text was copied, not written
 * again", and trends then count it once, so a link made by coincidence hides a real customer's
 * complaint. How much evidence a copy needs depends on who wrote it:
 *
 * <ul>
 *   <li><b>Same author</b> (same customer id, else same account id): estimated Jaccard similarity
 *       at least {@link #MIN_SIMILARITY} and at least {@link #MIN_TOKENS} words. That is the same
 *       review posted twice, a resubmitted survey answer, a complaint re-sent with a word changed.
 *   <li><b>Different or unknown authors</b>: near-verbatim (at least {@link #COPY_SIMILARITY}) and
 *       both texts at least {@link #COPY_MIN_TOKENS} words long. That is a copy-pasted complaint
 *       or a template or bot message repeated across chats. Short texts by different people that
 *       share a sentence ("Bank sync fails every morning.", "The app keeps crashing.") are the
 *       same complaint made independently, and each one counts: customers phrase common problems
 *       the same way, and such a match spans at most one sentence, whereas {@value
 *       #COPY_MIN_TOKENS} words with their word pairs across sentence boundaries rarely match by
 *       chance.
 * </ul>
 *
 * <p><b>Which record is the original.</b> Among the near-duplicates seen so far, the original is
 * the one written first: the smallest {@code (eventTime, FeedbackId.key())}. A record that matches
 * an earlier-written one is linked to the earliest it matches; it is kept in the window too unless
 * an identical text of the same author is (a message repeated across thousands of chats costs one
 * entry), so a later text like it but not like the first one is linked as well. A record written
 * before every match becomes an original itself, and later copies link to it. A copy can arrive before its original: an export sorted newest first,
 * or two worker threads racing. It was kept as an original; when the earlier record arrives the
 * copy gets a <b>late link</b> to it ({@link #lateLinks()}), which the caller applies to what it
 * already wrote (the run relinks the index). So a record is a near-duplicate exactly when it is
 * like a record written before it, whatever the arrival order or thread timing (within the window
 * and the bucket scan bound below); which earlier record a duplicate points to may vary (the
 * earliest one seen when it arrived). The same {@link FeedbackId} seen again (a re-ingest) is
 * never linked to itself.
 *
 * <p><b>Short texts</b> of fewer than {@link #MIN_TOKENS} words ("thanks", "great app") are never
 * linked: they repeat by chance, not by copying.
 *
 * <p><b>Memory bound.</b> At most {@code capacity} texts (originals and kept copies) are kept, first in first out; each
 * costs about 480 bytes (signature, band keys, links both ways, length) plus its {@code FeedbackId} and author key, and the band
 * tables a fixed 4 MB. The default capacity of 100,000 stays under about 60 MB. A copy of an
 * evicted text is not linked to it. Late links cost about 150 bytes each until the run ends.
 *
 * <p>NOTE: thread-safe. Signatures are computed outside any lock; lookup and insert share one
 * short critical section, bounded by {@link #MAX_SCAN} comparisons per band.
 */
public final class MinHashDeduplicator {

  /** Fewer words than this: never a duplicate. */
  public static final int MIN_TOKENS = 5;

  /** Estimated Jaccard similarity at or above which two texts by the same author are near-duplicates. */
  public static final double MIN_SIMILARITY = 0.6;

  /** Estimated Jaccard similarity at or above which texts by different or unknown authors are copies. */
  public static final double COPY_SIMILARITY = 0.8;

  /** Fewer words than this: never a copy of a text by a different or unknown author. */
  public static final int COPY_MIN_TOKENS = 16;

  /** Default number of texts kept. */
  public static final int DEFAULT_CAPACITY = 100_000;

  /** Only the first this many words of a text are looked at. */
  static final int MAX_TOKENS = 20_000;

  /**
   * At most this many entries are compared per band bucket, newest first, so a lookup costs at
   * most {@code BANDS * MAX_SCAN} comparisons however skewed the data (templates that share many
   * band keys). A true near-duplicate is missed only if it sits behind this many newer entries in
   * every band it shares.
   */
  static final int MAX_SCAN = 32;

  static final int BANDS = 16;
  static final int ROWS = 4;
  private static final int HASHES = BANDS * ROWS;
  private static final int BUCKETS = 1 << 16;
  private static final long[] SEEDS = seeds();

  private final int capacity;
  private final int[][] signatures;
  /** {@code bandKeys[b][slot]}: per band, so a bucket scan reads one array, not one per slot. */
  private final int[][] bandKeys;
  private final FeedbackId[] ids;
  private final @Nullable String[] authors;
  private final int[] lengths;
  private final Instant[] times;
  private final int[][] heads = new int[BANDS][BUCKETS];
  private final int[][] next;
  /** The newer neighbour in each band's chain (-1 at the head), so evicting a slot costs no chain walk. */
  private final int[][] prev;
  private long inserted = 0;
  /** Stored originals found to copy a record that arrived after them: copy to the earliest original. */
  private final Map<FeedbackId, Link> lateLinks = new HashMap<>();

  /** Scratch list of {@link #register}'s later matches; guarded by {@code this}. */
  private int[] laterSlots = new int[16];

  private record Link(FeedbackId original, Instant time) {}

  /** A deduplicator keeping {@link #DEFAULT_CAPACITY} texts. */
  public MinHashDeduplicator() {
    this(DEFAULT_CAPACITY);
  }

  /** A deduplicator keeping at most {@code capacity} texts (at least 1). */
  public MinHashDeduplicator(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    this.capacity = capacity;
    this.signatures = new int[capacity][];
    this.bandKeys = new int[BANDS][capacity];
    this.ids = new FeedbackId[capacity];
    this.authors = new String[capacity];
    this.lengths = new int[capacity];
    this.times = new Instant[capacity];
    this.next = new int[BANDS][capacity];
    this.prev = new int[BANDS][capacity];
    for (int[] h : heads) Arrays.fill(h, -1);
  }

  /** Registers a text whose author is unknown; see {@link #register(FeedbackId, Instant, String, String)}. */
  public Optional<FeedbackId> register(FeedbackId id, Instant eventTime, String text) {
    return register(id, eventTime, null, text);
  }

  /**
   * Registers a record's text and returns the original it near-duplicates, if any.
   *
   * @param id the record
   * @param eventTime when the customer wrote it; decides which of two copies is the original
   * @param author who wrote it (a customer or account key), or null if unknown; texts by the same
   *     author need less evidence to be linked (see the class comment)
   * @param text the cleaned customer text
   * @return the original's id, or empty if this record is an original (or too short to tell)
   */
  public Optional<FeedbackId> register(FeedbackId id, Instant eventTime, @Nullable String author, String text) {
    requireNonNull(id, "id");
    requireNonNull(eventTime, "eventTime");
    List<String> tokens = tokens(text);
    int length = tokens.size();
    if (length < MIN_TOKENS) return Optional.empty();
    boolean copyable = length >= COPY_MIN_TOKENS;
    // no author and too short to be a copy: nothing can ever link to or from it, so it is neither
    // compared nor kept (keeps the window for texts that can match, and the lock short)
    if (author == null && !copyable) return Optional.empty();
    int[] sig = signature(tokens);
    int[] keys = bandKeys(sig);
    // Slots already judged in an earlier band: a near-duplicate shares most bands, and judging it
    // again would give the same answer (open addressing, slot + 1, 0 = empty).
    int[] judged = new int[JUDGED_SIZE];
    synchronized (this) {
      int best = -1;
      int later = 0; // matches written after this record: stored first, copies of it
      boolean self = false; // this id is kept already (a re-ingest)
      boolean standIn = false; // a kept text of the same author with the same signature
      for (int b = 0; b < BANDS; b++) {
        int scanned = 0;
        for (int s = heads[b][keys[b] & (BUCKETS - 1)]; s >= 0 && scanned++ < MAX_SCAN; s = next[b][s]) {
          if (bandKeys[b][s] != keys[b] || s == best) continue;
          // cheap test first: a short text only ever matches its own author's
          boolean sameAuthor = author != null && author.equals(authors[s]);
          if (!sameAuthor && (!copyable || lengths[s] < COPY_MIN_TOKENS)) continue;
          if (!firstJudgement(judged, s)) continue;
          double similarity = similarity(sig, signatures[s]);
          if (!sameText(similarity, author, length, authors[s], lengths[s])) continue;
          self |= ids[s].equals(id);
          standIn |= similarity == 1.0 && java.util.Objects.equals(author, authors[s]);
          if (best < 0 || earlier(times[s], ids[s], times[best], ids[best])) best = s;
          if (!ids[s].equals(id) && earlier(eventTime, id, times[s], ids[s])) {
            if (later == laterSlots.length) laterSlots = Arrays.copyOf(laterSlots, later * 2);
            laterSlots[later++] = s;
          }
        }
      }
      if (best >= 0 && ids[best].equals(id)) return Optional.empty(); // re-ingest of the original
      boolean copy = best >= 0 && earlier(times[best], ids[best], eventTime, id);
      FeedbackId original = copy ? ids[best] : id;
      Instant originalTime = copy ? times[best] : eventTime;
      for (int i = 0; i < later; i++) {
        lateLinks.merge(ids[laterSlots[i]], new Link(original, originalTime),
            (had, now) -> earlier(had.time(), had.original(), now.time(), now.original()) ? had : now);
      }
      // A copy is kept too, unless an identical text stands in for it, so that a later record
      // like the copy but not like its original is still linked, whatever the arrival order.
      if (!self && !(copy && standIn)) insert(sig, keys, id, eventTime, author, length);
      return copy ? Optional.of(original) : Optional.empty();
    }
  }

  /**
   * Copies that were kept as originals because they arrived before the record they copy, each to
   * the earliest such record seen: apply these to whatever was already written for the copies.
   * A copy that is itself the original of later records keeps linking them (they are counted once
   * either way).
   */
  public synchronized Map<FeedbackId, FeedbackId> lateLinks() {
    Map<FeedbackId, FeedbackId> out = new HashMap<>();
    lateLinks.forEach((copy, link) -> out.put(copy, link.original()));
    return out;
  }

  /** Twice the most slots one lookup can judge ({@code BANDS * MAX_SCAN}), a power of two. */
  private static final int JUDGED_SIZE = Integer.highestOneBit(BANDS * MAX_SCAN) * 2;

  /** Adds {@code slot} to the set {@code judged}; false if it was there already. */
  private static boolean firstJudgement(int[] judged, int slot) {
    int mask = judged.length - 1;
    for (int i = (int) mix(slot) & mask; ; i = (i + 1) & mask) {
      if (judged[i] == 0) {
        judged[i] = slot + 1;
        return true;
      }
      if (judged[i] == slot + 1) return false;
    }
  }

  /** Number of texts currently kept; at most the capacity. */
  public synchronized int size() {
    return (int) Math.min(inserted, capacity);
  }

  private static boolean earlier(Instant t1, FeedbackId a, Instant t2, FeedbackId b) {
    int c = t1.compareTo(t2);
    return c < 0 || (c == 0 && a.key().compareTo(b.key()) < 0);
  }

  /** The linking rule of the class comment: more evidence for texts by different or unknown authors. */
  static boolean sameText(double similarity, @Nullable String author, int length, @Nullable String otherAuthor, int otherLength) {
    if (author != null && author.equals(otherAuthor)) return similarity >= MIN_SIMILARITY;
    return similarity >= COPY_SIMILARITY && Math.min(length, otherLength) >= COPY_MIN_TOKENS;
  }

  static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) if (a[i] == b[i]) same++;
    return same / (double) HASHES;
  }

  private void insert(int[] sig, int[] keys, FeedbackId id, Instant time, @Nullable String author, int length) {
    int slot = (int) (inserted % capacity);
    if (inserted >= capacity) unlink(slot);
    signatures[slot] = sig;
    ids[slot] = id;
    times[slot] = time;
    authors[slot] = author;
    lengths[slot] = length;
    for (int b = 0; b < BANDS; b++) {
      int bucket = keys[b] & (BUCKETS - 1);
      int head = heads[b][bucket];
      bandKeys[b][slot] = keys[b];
      next[b][slot] = head;
      prev[b][slot] = -1;
      if (head >= 0) prev[b][head] = slot;
      heads[b][bucket] = slot;
    }
    inserted++;
  }

  private void unlink(int slot) {
    for (int b = 0; b < BANDS; b++) {
      int before = prev[b][slot];
      int after = next[b][slot];
      if (before < 0) heads[b][bandKeys[b][slot] & (BUCKETS - 1)] = after;
      else next[b][before] = after;
      if (after >= 0) prev[b][after] = before;
    }
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

  /** MinHash over the set of unigrams and bigrams, one 64-bit mix per hash function. */
  static int[] signature(List<String> tokens) {
    long[] features = new long[tokens.size() * 2 - 1];
    int f = 0;
    long previous = 0;
    for (int i = 0; i < tokens.size(); i++) {
      long h = hash(tokens.get(i));
      features[f++] = h;
      if (i > 0) features[f++] = mix(previous * 31 + h);
      previous = h;
    }
    int[] sig = new int[HASHES];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (int k = 0; k < HASHES; k++) {
      long seed = SEEDS[k];
      int min = Integer.MAX_VALUE;
      for (int j = 0; j < f; j++) {
        int v = (int) (mix(features[j] ^ seed) >>> 33);
        if (v < min) min = v;
      }
      sig[k] = min;
    }
    return sig;
  }

  private static int[] bandKeys(int[] sig) {
    int[] keys = new int[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
      keys[b] = (int) h;
    }
    return keys;
  }

  private static long hash(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /** The splitmix64 finaliser: a cheap, well-spread 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[HASHES];
    long z = 0x5EED5EED5EEDL;
    for (int i = 0; i < HASHES; i++) seeds[i] = z = mix(z + 0x9E3779B97F4A7C15L);
    return seeds;
  }
}
