package dev.verbatim.topics.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sentence embeddings from a quantized ONNX model that ships inside a LangChain4j Maven artifact
 * (model and tokenizer in the jar, nothing downloaded). Measured on 2 cores: MiniLM ~700 short
 * sentences/s, bge-small ~290/s. Loading takes about a second and ~100 MB of heap.
 *
 * <p>Thread-safe. Determinism: each text is encoded on its own (no padding with other texts), so
 * its vector does not depend on batch or thread; vectors are then rounded to 1e-5 ({@link
 * Vectors#canonical}) to absorb any last-bit differences between kernels.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {
  /** The models available on the classpath. */
  public enum Model {
    /** sentence-transformers all-MiniLM-L6-v2, quantized: fast, 384 dimensions. */
    MINILM("all-minilm-l6-v2-q"),
    /** BAAI bge-small-en-v1.5, quantized: better clusters, ~2.5x slower, 384 dimensions. */
    BGE_SMALL("bge-small-en-v1.5-q");

    private final String id;

    Model(String id) {
      this.id = id;
    }

    /** Returns the model id written into snapshots. */
    public String id() {
      return id;
    }

    /** Returns the model with this id or enum name (case-insensitive). */
    public static Model parse(String s) {
      for (Model m : values()) {
        if (m.id.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) return m;
      }
      if (s.equalsIgnoreCase("minilm")) return MINILM;
      if (s.equalsIgnoreCase("bge") || s.equalsIgnoreCase("bge-small")) return BGE_SMALL;
      throw new IllegalArgumentException("unknown encoder '" + s + "'; use minilm or bge-small");
    }
  }

  private final String id;
  private final String prefix;
  private final ExecutorService executor;
  private final EmbeddingModel embedder;

  /** Loads {@code model} from the classpath, encoding with {@code threads} parallel texts. */
  public OnnxSentenceEncoder(Model model, int threads) {
    this(model.id(), "", executor -> switch (model) {
      case MINILM -> new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
      case BGE_SMALL -> new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    }, threads);
  }

  /**
   * Wraps another of LangChain4j's in-process ONNX models (384 dimensions), made on the encoder's
   * executor; each text is encoded as {@code prefix + text} (e5 wants "query: ").
   *
   * @param id the model id written into model files and snapshots
   */
  public OnnxSentenceEncoder(
      String id, String prefix, Function<ExecutorService, EmbeddingModel> model, int threads) {
    this.id = id;
    this.prefix = prefix;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "verbatim-embed-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), tf);
    OnnxNativeLibraries.install();
    this.embedder = model.apply(executor);
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) segments.add(TextSegment.from(prefix + (t.isBlank() ? "." : t)));
    List<Embedding> embeddings = embedder.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) out.add(Vectors.canonical(e.vector()));
    return out;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
