package dev.verbatim.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.clean.LanguageDetector;
import dev.verbatim.pipeline.clean.MinHashDeduplicator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two stages together on the shapes of shared/formats/examples (built in code). */
class CleanThenRedactTest {

  private static final LanguageDetector EN =
      new LanguageDetector() {
        @Override
        public String detect(String text) {
          return "en";
        }

        @Override
        public String id() {
          return "stub";
        }
      };

  /** The Intercom example: HTML parts, a bot, an admin, an e-mail in a customer part. */
  private static Feedback intercomConversation() {
    return new Feedback(
        new FeedbackId("intercom", "147"), Channel.CHAT, Instant.ofEpochSecond(1772618400),
        List.of(
            Turn.customer("<p>I can't connect my bank account, the spinner just goes forever 😤</p>"),
            new Turn(Speaker.BOT, "<p>Hi! I'm Fin, a bot. Have you tried reconnecting from Settings &gt; Banks?</p>", null),
            Turn.customer("<p>yes 3 times. this onboarding is a nightmare, my email is jo.park@globex.example if you need it</p>"),
            new Turn(Speaker.AGENT, "<p>Sorry Jo, our bank connector had an outage. It's back now, please try again.</p>", null),
            Turn.customer("<p>worked now. fine.</p>")),
        "globex", "u-17", null, null, null, Map.of());
  }

  @Test
  void customerWordsOnlyAndNoEmailLeft() {
    Cleaned c = ok(new Cleaner(EN, new MinHashDeduplicator(100)).apply(intercomConversation()));
    assertEquals(
        "I can't connect my bank account, the spinner just goes forever 😤\n"
            + "yes 3 times. this onboarding is a nightmare, my email is jo.park@globex.example if you need it\n"
            + "worked now. fine.",
        c.text());
    Redacted r = ok(new PiiRedactor().apply(c));
    assertFalse(r.text().contains("jo.park"), r.text());
    assertTrue(r.text().contains("my email is [EMAIL] if you need it"), r.text());
    assertEquals(List.of("EMAIL"), r.pii().stream().map(p -> p.type()).toList());
    assertEquals("[EMAIL]", r.text().substring(r.pii().get(0).start(), r.pii().get(0).end()));
    assertTrue(r.turns().get(3).text().startsWith("Sorry [PERSON], our bank"), r.turns().get(3).text());
    assertEquals("Hi! I'm Fin, a bot. Have you tried reconnecting from Settings > Banks?", r.turns().get(1).text().strip());
    assertEquals("u-17", r.customerId());
    // each line of the redacted text still names its turn and line
    assertEquals(List.of(0, 2, 4), r.segments().stream().map(Cleaned.Segment::turn).toList());
    String second = r.text().substring(r.segments().get(1).start(), r.segments().get(1).end());
    assertTrue(r.turns().get(2).text().contains(second), second);
  }

  @Test
  void originalTextGoesOnlyToTheOptInStore(@TempDir Path workspace) throws Exception {
    Cleaned c = ok(new Cleaner(EN, null).apply(intercomConversation()));
    try (JsonlOriginalTextStore store = JsonlOriginalTextStore.open(workspace)) {
      Redacted r = ok(new PiiRedactor(store).apply(c));
      assertFalse(r.text().contains("jo.park"));
    }
    List<String> lines = Files.readAllLines(workspace.resolve("originals/originals.jsonl"), StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    assertEquals("intercom", line.get("source").asText());
    assertEquals("147", line.get("id").asText());
    assertTrue(line.get("text").asText().contains("jo.park@globex.example"));
  }

  private static <T> T ok(Outcome<T> outcome) {
    if (outcome instanceof Outcome.Ok<T> ok) return ok.value();
    throw new AssertionError("rejected: " + outcome);
  }
}
