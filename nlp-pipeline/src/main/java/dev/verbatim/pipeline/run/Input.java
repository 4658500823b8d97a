package dev.verbatim.pipeline.run;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.ingest.FeedbackReader;
import dev.verbatim.pipeline.ingest.SourceFile;

/**
 * A file to read and the reader for its format.
 *
 * @param file the file
 * @param reader its format's reader
 */
public record Input(SourceFile file, FeedbackReader reader) {
  public Input {
    requireNonNull(file, "file");
    requireNonNull(reader, "reader");
  }
}
