package dev.verbatim.pipeline.redact;

import dev.verbatim.pipeline.FeedbackId;
import java.io.IOException;

/**
 * Where the unmasked customer text goes, for the users who must keep it (e.g. to answer a data
 * subject's access request). Off by default: {@link #none()} keeps nothing. Whatever an
 * implementation stores lives apart from the search index and is never shown by Verbatim's UI or
 * reports. Implementations are thread-safe.
 */
public interface OriginalTextStore extends AutoCloseable {

  /** Keeps {@code text}, the cleaned but unmasked customer text of record {@code id}. */
  void keep(FeedbackId id, String text) throws IOException;

  /** Flushes and releases the store. */
  @Override
  void close() throws IOException;

  /** The default: keeps nothing. */
  static OriginalTextStore none() {
    return None.INSTANCE;
  }

  /** Keeps nothing. */
  enum None implements OriginalTextStore {
    INSTANCE;

    @Override
    public void keep(FeedbackId id, String text) {}

    @Override
    public void close() {}
  }
}
