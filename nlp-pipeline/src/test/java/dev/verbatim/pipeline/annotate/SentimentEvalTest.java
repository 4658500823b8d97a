package dev.verbatim.pipeline.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentEvalTest {

  /** Scores by keyword: "good" positive, "bad" negative, else neutral with score 0. */
  private static final SentimentScorer KEYWORDS =
      new SentimentScorer() {
        @Override
        public DocumentSentiment score(String text) {
          if (text.contains("good")) {
            return new DocumentSentiment(new Sentiment(Polarity.POSITIVE, 0.6, 0.9), List.of());
          }
          if (text.contains("bad")) {
            return new DocumentSentiment(new Sentiment(Polarity.NEGATIVE, -0.6, 0.9), List.of());
          }
          return new DocumentSentiment(new Sentiment(Polarity.NEUTRAL, 0.0, 0.5), List.of());
        }

        @Override
        public String id() {
          return "keywords";
        }
      };

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SentimentEvalTest.class.getResource("/fixtures/" + name).toURI());
  }

  @Test
  void scoresAThreeWayFile() throws Exception {
    var r = new SentimentEval().evaluate(fixture("gold-3way.jsonl"), KEYWORDS, 2);
    assertEquals(6, r.n()); // the unlabelled and the broken line are skipped
    assertEquals(false, r.binary());
    assertEquals(5 / 6.0, r.accuracy(), 1e-9);
    assertEquals(1, r.confusion().get(Polarity.NEUTRAL).get(Polarity.POSITIVE));
    assertEquals(1.0, r.perClass().get(Polarity.NEGATIVE).f1(), 1e-9);
    String json = r.toJson();
    for (String key :
        List.of("\"n\":6", "\"scorer\":\"keywords\"", "\"accuracy\"", "\"macro_f1\"",
            "\"per_class\"", "\"confusion\"", "\"ece\"", "\"docs_per_second\"", "\"support\"")) {
      assertTrue(json.contains(key), () -> key + " missing from " + json);
    }
  }

  @Test
  void binaryFilesCountPositiveIffScoreAboveZero() throws Exception {
    var r = new SentimentEval().evaluate(fixture("gold-binary.jsonl"), KEYWORDS, 1);
    assertTrue(r.binary());
    // The neutral-scored line (score 0) counts as negative: right for the negative one.
    assertEquals(1.0, r.accuracy(), 1e-9);
    assertEquals(2, r.perClass().size());
  }

  @Test
  void limitSamplesAcrossTheFile() throws Exception {
    var r = new SentimentEval().evaluate(fixture("gold-3way.jsonl"), KEYWORDS, 1, 3);
    assertEquals(3, r.n());
  }

  /** A file with nothing to measure used to print accuracy 0.0 and exit 0, as if it were measured. */
  @Test
  void aFileWithoutSentimentLabelsIsAnErrorNotAccuracyZero(@TempDir Path tmp) throws Exception {
    Path gold = tmp.resolve("topics-only.jsonl");
    Files.writeString(gold, "{\"id\":\"1\",\"text\":\"refund please\",\"topic\":\"refund\"}\nnot json\n");
    var e = assertThrows(IllegalArgumentException.class, () -> new SentimentEval().evaluate(gold, KEYWORDS, 1));
    assertTrue(e.getMessage().contains("topics-only.jsonl") && e.getMessage().contains("sentiment"), e.getMessage());
  }

  /** Latin-1 bytes used to surface as "Input length = 1". */
  @Test
  void brokenLinesAreCountedAndTopicOnlyLinesAreNot(@TempDir Path tmp) throws Exception {
    Path gold = tmp.resolve("mixed.jsonl");
    Files.writeString(gold, String.join("\n",
        "{\"text\":\"great app\",\"sentiment\":\"positive\"}",
        "not json at all",
        "{\"text\":\"awful\",\"sentiment\":\"angry\"}",
        "{\"text\":\"billing question\",\"topic\":\"billing\"}",
        "{\"text\":\"terrible crash\",\"sentiment\":\"Negative\"}"));
    SentimentEval.Gold g = SentimentEval.readGold(gold);
    assertEquals(2, g.docs().size());
    assertEquals(1, g.notJson());
    assertEquals(1, g.badLabel(), "'angry' is not a label; a line without one is not counted");
  }

  @Test
  void aFileThatIsNotUtf8SaysSoAndWhere(@TempDir Path tmp) throws Exception {
    Path gold = tmp.resolve("latin1.jsonl");
    Files.write(gold, "{\"text\":\"good\",\"sentiment\":\"positive\"}\n{\"text\":\"caf\u00e9\",\"sentiment\":\"positive\"}\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    var e = assertThrows(IOException.class, () -> new SentimentEval().evaluate(gold, KEYWORDS, 1));
    assertTrue(e.getMessage().contains("not UTF-8") && e.getMessage().contains("line 2"), e.getMessage());
  }
}
