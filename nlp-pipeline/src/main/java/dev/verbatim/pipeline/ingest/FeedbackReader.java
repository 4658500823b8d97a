package dev.verbatim.pipeline.ingest;

import java.io.IOException;

/**
 * Reads one export format into feedback records. Implementations are stateless and thread-safe.
 *
 * <p>A reader never throws for bad customer data: each bad record becomes a rejected {@link
 * dev.verbatim.pipeline.Outcome} with its original bytes. It throws {@link IOException} only when
 * the file itself cannot be read (missing, permission denied).
 */
public interface FeedbackReader {

  /** The format's name as {@code --format} takes it, e.g. {@code "zendesk"}. */
  String format();

  /** Streams every record of {@code file} into {@code sink}, in file order. */
  void read(SourceFile file, RecordSink sink) throws IOException;
}
