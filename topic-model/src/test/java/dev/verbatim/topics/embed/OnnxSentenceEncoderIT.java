package dev.verbatim.topics.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the real ONNX models from the classpath (about a second to load each). */
class OnnxSentenceEncoderIT {
  @Test
  void vectorsAreUnitDeterministicAndMeaningful() {
    for (OnnxSentenceEncoder.Model model : OnnxSentenceEncoder.Model.values()) {
      try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(model, 2)) {
        List<String> texts = List.of("My card still hasn't arrived", "The card delivery is late",
            "How do I change my password?", "");
        List<float[]> a = enc.encode(texts);
        List<float[]> b = enc.encode(List.of(texts.get(2), texts.get(0)));
        assertArrayEquals(a.get(0), b.get(1), model + ": same text, other batch, other vector");
        assertArrayEquals(a.get(2), b.get(0));
        for (float[] v : a) {
          assertEquals(enc.dimension(), v.length);
          assertEquals(1.0, Vectors.dot(v, 0, v, 0, v.length), 1e-3);
        }
        float near = Vectors.dot(a.get(0), 0, a.get(1), 0, enc.dimension());
        float far = Vectors.dot(a.get(0), 0, a.get(2), 0, enc.dimension());
        assertTrue(near > far, model + ": " + near + " <= " + far);
      }
    }
  }
}
