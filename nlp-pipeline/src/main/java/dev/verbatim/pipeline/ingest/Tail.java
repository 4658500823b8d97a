package dev.verbatim.pipeline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Re-reads the end of a file from a given line, capped, to quarantine an unreadable rest. */
final class Tail {
  private Tail() {}

  /**
   * The bytes from the start of 1-based {@code line} to the end of the file, at most {@code cap}.
   * Returns an empty array if the file cannot be re-read: the rejection still counts.
   */
  static byte[] fromLine(SourceFile file, long line, int cap) {
    try (InputStream in = file.openUncounted()) {
      long current = 1;
      int b;
      while (current < line && (b = in.read()) >= 0) {
        if (b == '\n') current++;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while (out.size() < cap && (n = in.read(buf, 0, Math.min(buf.length, cap - out.size()))) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
