package dev.verbatim.pipeline.redact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verbatim.pipeline.FeedbackId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps original customer texts in {@code <workspace>/originals/originals.jsonl}, one JSON object
 * per line: {@code {"source":..., "id":..., "text":...}}. A later line for the same id supersedes an
 * earlier one. The file sits beside the index, never in it; protect it like the source exports.
 *
 * <p>NOTE: thread-safe (writes are serialised); call {@link #close()} at the end of the run.
 */
public final class JsonlOriginalTextStore implements OriginalTextStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter out;

  private JsonlOriginalTextStore(BufferedWriter out) {
    this.out = out;
  }

  /** Opens (appending) the store under {@code workspace}, creating its folder. */
  public static JsonlOriginalTextStore open(Path workspace) throws IOException {
    Path dir = workspace.resolve("originals");
    Files.createDirectories(dir);
    return new JsonlOriginalTextStore(
        Files.newBufferedWriter(
            dir.resolve("originals.jsonl"), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND));
  }

  @Override
  public void keep(FeedbackId id, String text) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("source", id.source()).put("id", id.id()).put("text", text);
    String json = JSON.writeValueAsString(line);
    synchronized (out) {
      out.write(json);
      out.write('\n');
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }
}
