package dev.verbatim.topics.embed;

import java.util.List;

/**
 * Encodes sentences as unit-length vectors whose cosine reflects meaning. Thread-safe. Results are
 * deterministic: the same text gives the same vector, bit for bit.
 */
public interface SentenceEncoder {
  /** Returns one unit vector (length {@link #dimension()}) per text, same order; a blank text gets a valid vector too. */
  List<float[]> encode(List<String> texts);

  /** Returns the vector length. */
  int dimension();

  /** Returns an id naming the model and its version, written into snapshots, e.g. {@code all-minilm-l6-v2-q}. */
  String id();
}
