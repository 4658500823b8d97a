package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.annotate.Polarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFitterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Polarity label(String json) throws Exception {
    return CalibrationFitter.ratingLabel(JSON.readTree(json));
  }

  @Test
  void mapsRatingsToTheWritersVerdict() throws Exception {
    assertEquals(Polarity.NEGATIVE, label("{\"rating\":2,\"rating_scale\":\"stars\"}"));
    assertEquals(Polarity.NEUTRAL, label("{\"rating\":3,\"rating_scale\":\"stars\"}"));
    assertEquals(Polarity.POSITIVE, label("{\"rating\":4,\"rating_scale\":\"csat\"}"));
    assertEquals(Polarity.NEGATIVE, label("{\"rating\":6,\"rating_scale\":\"nps\"}"));
    assertEquals(Polarity.NEUTRAL, label("{\"rating\":8,\"rating_scale\":\"nps\"}"));
    assertEquals(Polarity.POSITIVE, label("{\"rating\":9,\"rating_scale\":\"nps\"}"));
    assertNull(label("{\"rating\":5,\"rating_scale\":\"ces\"}"));
    assertNull(label("{\"rating_scale\":\"stars\"}"));
    assertNull(label("{\"rating\":\"five\",\"rating_scale\":\"stars\"}"));
  }

  @Test
  void readsRatedEnglishCustomerTextOnceEach(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("c.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"id\":\"1\",\"text\":\"Love it\",\"rating\":5,\"rating_scale\":\"stars\",\"language\":\"en\"}",
        "{\"id\":\"2\",\"text\":\"Muy mal\",\"rating\":1,\"rating_scale\":\"stars\",\"language\":\"es\"}",
        "not json",
        "{\"id\":\"3\",\"text\":\"Love it\",\"rating\":5,\"rating_scale\":\"stars\"}",
        "{\"id\":\"4\",\"text\":\"No rating here\"}",
        "{\"id\":\"5\",\"turns\":[{\"speaker\":\"customer\",\"text\":\"Broken again\"},"
            + "{\"speaker\":\"agent\",\"text\":\"Sorry!\"}],\"rating\":1,\"rating_scale\":\"csat\"}"));
    List<String> texts = new ArrayList<>();
    List<Polarity> labels = new ArrayList<>();
    CalibrationFitter.readCorpus(corpus, 10, true, texts, labels);
    assertEquals(List.of("Love it", "Broken again"), texts);
    assertEquals(List.of(Polarity.POSITIVE, Polarity.NEGATIVE), labels);
  }
}
