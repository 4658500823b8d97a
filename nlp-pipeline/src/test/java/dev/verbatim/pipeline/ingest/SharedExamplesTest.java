package dev.verbatim.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verbatim.pipeline.Feedback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples in {@code ../shared/formats/examples}, when that folder is present: detected and read. */
class SharedExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "..", "shared", "formats", "examples");

  @ParameterizedTest
  @CsvSource({
    "zendesk-tickets.json, zendesk, 1, 0",
    "intercom-conversations.json, intercom, 1, 0",
    "play-reviews.csv, reviews-csv, 3, 0",
    "nps-survey.csv, survey-csv, 3, 1",
  })
  void readsEachExample(String file, String format, int ok, int rejected) throws IOException {
    Path path = EXAMPLES.resolve(file);
    assumeTrue(Files.isRegularFile(path), "shared examples absent: " + path.toAbsolutePath());
    FeedbackFormats formats = FeedbackFormats.defaults();
    assertEquals(format, formats.detectName(path));
    Collected<Feedback> c = Collected.read(formats.reader(format), path);
    c.assertCounts(ok, rejected);
  }
}
