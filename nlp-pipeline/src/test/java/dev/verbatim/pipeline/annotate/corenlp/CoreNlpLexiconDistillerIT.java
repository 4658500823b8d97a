package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.sentiment.SentimentModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The distilled lexicon is what the shipped resource says, and it makes sense. */
class CoreNlpLexiconDistillerIT {

  @Test
  void reproducesTheShippedResourceAndItsSignsMakeSense() throws Exception {
    Map<String, Double> distilled =
        new CoreNlpLexiconDistiller(
                SentimentModel.loadSerialized("edu/stanford/nlp/models/sentiment/sentiment.ser.gz"))
            .distil();
    Map<String, Double> shipped = new HashMap<>();
    try (var r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/dev/verbatim/pipeline/annotate/lexicon/corenlp-words.tsv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#")) {
          String[] f = line.split("\t");
          shipped.put(f[0], Double.parseDouble(f[1]));
        }
      }
    }
    assertEquals(shipped.keySet(), distilled.keySet(), "regenerate corenlp-words.tsv (see the distiller's javadoc)");
    shipped.forEach((w, v) -> assertEquals(v, distilled.get(w), 1e-4, w));
    for (String neg : new String[] {"tedious", "lifeless", "mess", "bad"}) {
      assertNotNull(distilled.get(neg), neg);
      assertTrue(distilled.get(neg) < -0.25, neg);
    }
    for (String pos : new String[] {"witty", "charming", "gorgeous", "clever"}) {
      assertNotNull(distilled.get(pos), pos);
      assertTrue(distilled.get(pos) > 0.25, pos);
    }
    // The leaf classifier calls "me" positive (0.48); composed in a frame it falls under the bar
    // the scorer uses (0.4).
    assertTrue(distilled.getOrDefault("me", 0.0) < 0.4);
  }
}
