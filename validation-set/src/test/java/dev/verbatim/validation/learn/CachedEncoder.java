package dev.verbatim.validation.learn;

import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import dev.verbatim.topics.embed.SentenceEncoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulations only: the learner's encoder (e5-small-v2, or {@code -Dverbatim.sim.encoder=minilm|bge-small}
 * to compare) with a disk cache outside the project (a file given by the caller, e.g. under /tmp),
 * so repeated simulation runs do not re-encode the same gold texts. Installs itself as the
 * learner's shared encoder. Use one cache file per encoder.
 */
public final class CachedEncoder implements SentenceEncoder {
  private static final String ENCODER = System.getProperty("verbatim.sim.encoder", "e5");
  private static final boolean E5 = ENCODER.equalsIgnoreCase("e5") || ENCODER.equalsIgnoreCase(E5Encoder.ID);
  private final Path file;
  private final Map<String, float[]> cache = new HashMap<>();
  private SentenceEncoder inner;

  private CachedEncoder(Path file) {
    this.file = file;
  }

  /** Installs a cached encoder backed by {@code file}; returns it. */
  public static CachedEncoder install(Path file) throws IOException {
    CachedEncoder c = new CachedEncoder(file);
    if (Files.exists(file)) c.cache.putAll(read(file));
    TextEmbeddings.useShared(new TextEmbeddings(c));
    installed = c;
    return c;
  }

  private static CachedEncoder installed;

  /** The text-to-vector map in a cache file written by {@link #save}. */
  static Map<String, float[]> read(Path file) throws IOException {
    Map<String, float[]> m = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String t = in.readUTF();
        float[] v = new float[in.readInt()];
        for (int k = 0; k < v.length; k++) v[k] = in.readFloat();
        m.put(t, v);
      }
    }
    return m;
  }

  /** Writes the installed cache to {@code file} (no-op if none was installed). */
  public static void save(Path file) throws IOException {
    if (installed != null && installed.file.equals(file)) installed.save();
  }

  /** Writes the cache. */
  public synchronized void save() throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(cache.size());
      for (var e : cache.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        for (float f : e.getValue()) out.writeFloat(f);
      }
    }
  }

  @Override
  public synchronized List<float[]> encode(List<String> texts) {
    List<String> todo = new ArrayList<>();
    for (String t : texts) if (!cache.containsKey(t)) todo.add(t);
    if (!todo.isEmpty()) {
      if (inner == null) inner = E5 ? E5Encoder.open(2) : new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.parse(ENCODER), 2);
      List<float[]> vs = inner.encode(todo);
      for (int i = 0; i < todo.size(); i++) cache.put(todo.get(i), vs.get(i));
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(cache.get(t));
    return out;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public String id() {
    return E5 ? E5Encoder.ID : OnnxSentenceEncoder.Model.parse(ENCODER).id();
  }
}
