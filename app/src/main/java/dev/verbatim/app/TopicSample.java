package dev.verbatim.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A seeded bottom-k sample: keeps the {@code size} records whose hash of (key, seed) is smallest.
 * Unlike a reservoir, the result does not depend on arrival order, so worker threads may offer
 * records in any order and the same corpus and seed give the same sample. Thread-safe; memory is
 * O(size).
 *
 * @param <T> what is kept per record
 */
final class TopicSample<T> {
  private record Entry<T>(long hash, String key, T value) {}

  private final Comparator<Entry<T>> order =
      Comparator.<Entry<T>>comparingLong(Entry::hash).thenComparing(Entry::key);
  private final int size;
  private final long seed;
  private final PriorityQueue<Entry<T>> largestFirst = new PriorityQueue<>(order.reversed());
  private final Set<String> keys = new HashSet<>();

  TopicSample(int size, long seed) {
    if (size < 1) throw new IllegalArgumentException("sample size < 1");
    this.size = size;
    this.seed = seed;
  }

  /** Offers one record; a repeat of a key already kept is ignored. */
  synchronized void offer(String key, T value) {
    long h = hash(key, seed);
    if (largestFirst.size() == size) {
      Entry<T> top = largestFirst.peek();
      if (h > top.hash() || (h == top.hash() && key.compareTo(top.key()) >= 0)) return;
    }
    if (!keys.add(key)) return;
    largestFirst.add(new Entry<>(h, key, value));
    if (largestFirst.size() > size) keys.remove(largestFirst.poll().key());
  }

  /** The kept values in hash order (a fixed order: part of what makes a fit deterministic). */
  synchronized List<T> values() {
    List<Entry<T>> all = new ArrayList<>(largestFirst);
    all.sort(order);
    List<T> out = new ArrayList<>(all.size());
    for (Entry<T> e : all) out.add(e.value());
    return out;
  }

  /** FNV-1a over the key's chars, then SplitMix64's finaliser: well spread 64-bit hashes. */
  static long hash(String key, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
