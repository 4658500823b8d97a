package dev.verbatim.app.cli.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the validate commands. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Cli() {}

  /** The workspace's review queue file. */
  static Path db(Path workspace) {
    return workspace.resolve("validation.db");
  }

  /** Opens the workspace's queue. */
  static ReviewQueue open(Path workspace) throws IOException {
    return ReviewQueue.open(db(workspace));
  }

  /** The given sample, or the newest; IllegalArgumentException when there is none. */
  static long sampleOrLatest(ReviewQueue q, @Nullable Long sample) throws IOException {
    if (sample != null) {
      if (q.sample(sample).isEmpty()) {
        throw new IllegalArgumentException("no sample " + sample + "; `validate queue` lists them");
      }
      return sample;
    }
    return q.latestSample().orElseThrow(() -> new IllegalArgumentException(
        "no sample yet; draw one with `validate sample --strategy stratified --margin 0.05`"));
  }

  static String json(Object o, boolean pretty) {
    try {
      return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) : JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Text safe to print on a terminal: control characters (escape sequences) out, long text cut. */
  static String printable(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 32);
    int i = 0;
    for (; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(c == '\n' ? '\n' : Character.isISOControl(c) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ? ' ' : c);
    }
    if (i < s.length()) {
      b.append(" … (").append(s.length() - i).append(" more characters)");
    }
    return b.toString();
  }
}
