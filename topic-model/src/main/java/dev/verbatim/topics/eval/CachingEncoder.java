package dev.verbatim.topics.eval;

import dev.verbatim.topics.embed.SentenceEncoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An evaluation aid: keeps an encoder's vectors for a whole list of texts in a file keyed by the
 * encoder id and a SHA-256 of the texts, so repeated evaluation runs skip encoding. Never used by
 * the product pipeline. Not thread-safe.
 */
final class CachingEncoder implements SentenceEncoder {
  private final SentenceEncoder inner;
  private final Path dir;

  CachingEncoder(SentenceEncoder inner, Path dir) {
    this.inner = inner;
    this.dir = dir;
  }

  @Override
  public List<float[]> encode(List<String> texts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String t : texts) {
        md.update(t.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      Path f = dir.resolve(inner.id() + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 16) + ".bin");
      int d = inner.dimension();
      if (Files.exists(f)) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(f)))) {
          List<float[]> out = new ArrayList<>(texts.size());
          for (int i = 0; i < texts.size(); i++) {
            float[] v = new float[d];
            for (int t = 0; t < d; t++) v[t] = in.readFloat();
            out.add(v);
          }
          return out;
        }
      }
      List<float[]> out = inner.encode(texts);
      Files.createDirectories(dir);
      try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(f)))) {
        for (float[] v : out) for (float x : v) o.writeFloat(x);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public String id() {
    return inner.id();
  }
}
