package dev.verbatim.pipeline.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.verbatim.pipeline.Rejection;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends rejected records to a run's quarantine file, one JSON object a line: {@code run_id,
 * stage, reason, detail, id, file, line, original, original_encoding} ({@code utf-8} or {@code
 * base64}). The original bytes are kept untouched so a fixed record can be re-ingested.
 *
 * <p>Thread-safe; each record is written whole under a lock and flushed on {@link #close()}.
 */
public final class QuarantineWriter implements Closeable {
  private final Path file;
  private final String runId;
  private final JsonGenerator out;
  private final AtomicLong written = new AtomicLong();

  /** Creates (or truncates) {@code file}; its folder is created if missing. */
  public QuarantineWriter(Path file, String runId) throws IOException {
    this.file = file;
    this.runId = runId;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    this.out = new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
    out.setRootValueSeparator(null);
  }

  /** The quarantine file. */
  public Path file() {
    return file;
  }

  /** Records written so far. */
  public long written() {
    return written.get();
  }

  /** Writes one rejected record. */
  public void write(Rejection r) {
    synchronized (out) {
      try {
        out.writeStartObject();
        out.writeStringField("run_id", runId);
        out.writeStringField("stage", r.stage());
        out.writeStringField("reason", r.reason().name());
        out.writeStringField("detail", r.detail());
        if (r.id() != null) {
          out.writeStringField("source", r.id().source());
          out.writeStringField("id", r.id().id());
        }
        out.writeStringField("file", r.original().file());
        out.writeNumberField("line", r.original().line());
        out.writeStringField("original_encoding", r.original().base64() ? "base64" : "utf-8");
        out.writeStringField("original", r.original().content());
        out.writeEndObject();
        out.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write quarantine file " + file, e);
      }
    }
    written.incrementAndGet();
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }
}
