package dev.verbatim.pipeline.clean;

/**
 * Tells which language a cleaned text is written in. Implementations are thread-safe.
 */
public interface LanguageDetector {

  /** The BCP-47 tag for undetermined: too short or too mixed to tell. */
  String UNDETERMINED = "und";

  /** Returns a BCP-47 language tag (e.g. {@code en}, {@code es}), or {@link #UNDETERMINED}. */
  String detect(String text);

  /** The detector and model, e.g. {@code "opennlp-langdetect-183"}, for the run report. */
  String id();
}
