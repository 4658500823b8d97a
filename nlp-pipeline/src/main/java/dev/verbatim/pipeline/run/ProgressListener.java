package dev.verbatim.pipeline.run;

/** Hears how far a run has come; called from the reading thread, often, so keep it cheap. */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (records, bytesRead, totalBytes) -> {};

  /**
   * Reports progress.
   *
   * @param records records read so far, all inputs
   * @param bytesRead bytes read so far, all inputs
   * @param totalBytes the inputs' total size in bytes
   */
  void progress(long records, long bytesRead, long totalBytes);
}
