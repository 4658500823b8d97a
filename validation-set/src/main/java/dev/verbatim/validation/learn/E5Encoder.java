package dev.verbatim.validation.learn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The learner's sentence encoder: intfloat/e5-small-v2 (quantized ONNX shipped inside a Maven
 * artifact, run in-process on ONNX Runtime; 384 dimensions, 12 layers: about 2.5x MiniLM's cost).
 * e5 was trained with a role prefix; texts are encoded as {@code "query: " + text}, the prefix its
 * authors give for classification features. Chosen over MiniLM and bge-small on the airline
 * simulation (module README). Thread-safe.
 */
final class E5Encoder implements SentenceEncoder, AutoCloseable {
  /** The id model files record. */
  static final String ID = "e5-small-v2-q";
  private static final String PREFIX = "query: ";

  private final ExecutorService executor;
  private final EmbeddingModel embedder;

  /** Loads the model from the classpath (about a second), encoding {@code threads} texts in parallel. */
  E5Encoder(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "verbatim-e5-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.embedder = new E5SmallV2QuantizedEmbeddingModel(executor);
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(PREFIX + (t.isBlank() ? "." : t)));
    }
    List<Embedding> embeddings = embedder.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(Vectors.canonical(e.vector()));
    }
    return out;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
