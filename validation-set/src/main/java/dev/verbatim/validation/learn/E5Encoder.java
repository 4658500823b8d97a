package dev.verbatim.validation.learn;

import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;

/**
 * The learner's sentence encoder: intfloat/e5-small-v2 (quantized ONNX shipped inside a Maven
 * artifact, run in-process on ONNX Runtime; 384 dimensions, 12 layers: about 2.5x MiniLM's cost).
 * e5 was trained with a role prefix; texts are encoded as {@code "query: " + text}, the prefix its
 * authors give for classification features. Chosen over MiniLM and bge-small on the airline
 * simulation (module README). The model lives here, not in topic-model's {@code
 * OnnxSentenceEncoder.Model}, so topic-model does not carry the e5 artifact.
 */
final class E5Encoder {
  /** The id model files record. */
  static final String ID = "e5-small-v2-q";

  private E5Encoder() {}

  /** Loads the model from the classpath (about a second), encoding {@code threads} texts in parallel. */
  static OnnxSentenceEncoder open(int threads) {
    return new OnnxSentenceEncoder(ID, "query: ", E5SmallV2QuantizedEmbeddingModel::new, threads);
  }
}
