package dev.verbatim.validation.learn;

import dev.verbatim.topics.embed.SentenceEncoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings of texts as learner features: what a sentence-transformer model (e5-small-v2,
 * quantized, shipped inside a Maven artifact and run in-process, {@link E5Encoder}) knows
 * about language that 500 labels cannot teach ("my bag never showed up" is a complaint without a
 * sentiment word). {@link #prefetch} encodes many texts in parallel batches and caches them by text
 * (bounded); other texts are encoded on demand and not kept. Thread-safe.
 */
final class TextEmbeddings {
  /** Texts longer than this are embedded by their start (the model reads 256 word pieces anyway). */
  static final int MAX_CHARS = 2_000;
  /**
   * Prefetched texts whose vectors are kept: enough for {@code validate learn}'s labels and
   * population (self-training reads at most 20,000 unlabelled records, each several times).
   */
  private static final int MAX_CACHED = 50_000;
  private static final int BATCH = 256;

  /** The encoder model files name (models trained on other vectors are refused). */
  static final String ENCODER_ID = E5Encoder.ID;

  private static volatile TextEmbeddings shipped;

  private final SentenceEncoder encoder;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  TextEmbeddings(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  /** The shipped e5-small-v2 encoder on two threads, loaded once (about a second, ~150 MB of heap). */
  static TextEmbeddings shipped() {
    TextEmbeddings t = shipped;
    if (t == null) {
      synchronized (TextEmbeddings.class) {
        t = shipped;
        if (t == null) {
          t = new TextEmbeddings(E5Encoder.open(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()))));
          shipped = t;
        }
      }
    }
    return t;
  }

  /** Replaces the shared instance (tests and simulations: e.g. an encoder with a disk cache). */
  static void useShared(TextEmbeddings t) {
    synchronized (TextEmbeddings.class) {
      shipped = t;
    }
  }

  /** The encoder's id, recorded in model files. */
  String id() {
    return encoder.id();
  }

  /**
   * The embedding of one text (a unit vector): from the cache if {@link #prefetch} put it there,
   * else encoded now and not kept. Only prefetched texts are cached: {@code validate learn}
   * prefetches the texts it reads many times (labels and population), while {@code run --scorer
   * learned} sees each of millions of texts once and would only fill the cache.
   */
  float[] of(String text) {
    String key = cut(text);
    float[] v = cache.get(key);
    return v != null ? v : encoder.encode(List.of(key)).get(0);
  }

  /** Encodes the texts not cached yet, in parallel batches. */
  void prefetch(Collection<String> texts) {
    Set<String> todo = new LinkedHashSet<>();
    for (String t : texts) {
      String key = cut(t);
      if (!cache.containsKey(key)) {
        todo.add(key);
      }
    }
    List<String> batch = new ArrayList<>(BATCH);
    for (String t : todo) {
      batch.add(t);
      if (batch.size() == BATCH) {
        flush(batch);
      }
    }
    flush(batch);
  }

  private void flush(List<String> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<float[]> vs = encoder.encode(batch);
    for (int i = 0; i < batch.size(); i++) {
      remember(batch.get(i), vs.get(i));
    }
    batch.clear();
  }

  private void remember(String key, float[] v) {
    if (cache.size() < MAX_CACHED) {
      cache.put(key, v);
    }
  }

  private static String cut(String text) {
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }
}
