package dev.verbatim.pipeline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes with a cap, so a megabyte line never forces an unbounded buffer: at most
 * {@code keepBytes} of any line are kept (for quarantine), the rest is counted and skipped. A
 * line ends at {@code \n}; a trailing {@code \r} is dropped; a UTF-8 byte order mark at the start
 * of the file is dropped. Not thread-safe: one reader per stream.
 */
final class LineReader implements Closeable {
  /** How much of an over-long line is kept for the quarantine file. */
  static final int DEFAULT_KEEP = 16 << 20;

  private final InputStream in;
  private final int keepBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  private byte[] line = new byte[1024];
  private int len;
  private long total;
  private long lineNumber;

  LineReader(InputStream in, int keepBytes) {
    this.in = in;
    this.keepBytes = keepBytes;
  }

  /** Advances to the next line; false at the end of the input. */
  boolean next() throws IOException {
    len = 0;
    total = 0;
    if (line.length > (4 << 20)) line = new byte[1024]; // do not hold on to a huge line's buffer
    boolean any = false;
    while (true) {
      if (pos >= lim) {
        if (eof || !fill()) {
          if (!any) return false;
          break;
        }
      }
      any = true;
      int nl = -1;
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? lim : nl;
      append(pos, end - pos);
      pos = nl < 0 ? lim : nl + 1;
      if (nl >= 0) break;
    }
    lineNumber++;
    if (len == total && len > 0 && line[len - 1] == '\r') {
      len--;
      total--;
    }
    if (lineNumber == 1
        && len >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF) {
      System.arraycopy(line, 3, line, 0, len - 3);
      len -= 3;
      total -= 3;
    }
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  private void append(int from, int n) {
    total += n;
    int room = keepBytes - len;
    int take = Math.min(room, n);
    if (take <= 0) return;
    if (len + take > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(keepBytes, Math.max(line.length * 2L, len + take)));
    }
    System.arraycopy(buf, from, line, len, take);
    len += take;
  }

  /** The kept bytes of the current line; valid until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes of the current line are kept in {@link #bytes()}. */
  int length() {
    return len;
  }

  /** The current line's full length in bytes, kept or not. */
  long totalLength() {
    return total;
  }

  /** A copy of the kept bytes. */
  byte[] copy() {
    return Arrays.copyOf(line, len);
  }

  /** The current line's 1-based number. */
  long lineNumber() {
    return lineNumber;
  }

  /** True if the current line holds only spaces and tabs. */
  boolean isBlank() {
    for (int i = 0; i < len; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
