package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * An input file and a counter of the bytes read from it, so a progress bar can show how far a
 * streaming read has come.
 *
 * @param path the file
 * @param bytesRead incremented as {@link #open()} streams are read
 */
public record SourceFile(Path path, LongAdder bytesRead) {
  public SourceFile {
    requireNonNull(path, "path");
    requireNonNull(bytesRead, "bytesRead");
  }

  /** A source file with a fresh counter. */
  public static SourceFile of(Path path) {
    return new SourceFile(path, new LongAdder());
  }

  /** The name used in quarantine entries and messages. */
  public String name() {
    return path.toString();
  }

  /** Opens the file for a read whose progress is counted. The caller closes the stream. */
  public InputStream open() throws IOException {
    InputStream in = Files.newInputStream(path);
    return new BufferedInputStream(
        new FilterInputStream(in) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) bytesRead.increment();
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) bytesRead.add(n);
            return n;
          }
        },
        1 << 16);
  }

  /** Opens the file for an extra pass (e.g. reading side-loaded users) that progress ignores. */
  public InputStream openUncounted() throws IOException {
    return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
  }
}
