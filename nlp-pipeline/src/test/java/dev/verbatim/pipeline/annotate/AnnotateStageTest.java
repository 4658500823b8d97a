package dev.verbatim.pipeline.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotateStageTest {

  private static Redacted redacted(String text) {
    return new Redacted(
        new FeedbackId("tickets.json", "42"), Channel.TICKET, Instant.parse("2026-03-02T10:15:00Z"),
        null, null, null, null, Map.of(), List.of(), text, List.of(), "en", null);
  }

  @Test
  void splitsOnceAndScoresPerSentence() {
    var stage = new AnnotateStage(new RuleBasedAnnotator(), new LexiconSentimentScorer());
    String text = "Thanks [PERSON], the agent was brilliant. Billing charged twice though!";
    Outcome<Annotated> out = stage.apply(redacted(text));
    assertInstanceOf(Outcome.Ok.class, out);
    Annotated a = (Annotated) ((Outcome.Ok<?>) out).value();
    assertEquals(2, a.text().sentences().size());
    assertEquals(2, a.sentiment().sentences().size());
    assertEquals(Polarity.POSITIVE, a.sentiment().sentences().get(0).sentiment().label());
    assertEquals(Polarity.NEGATIVE, a.sentiment().sentences().get(1).sentiment().label());
    assertEquals("lexicon-vader+verbatim-1", a.scorer());
  }

  @Test
  void emptyTextIsNeutralNotRejected() {
    var stage = new AnnotateStage(new RuleBasedAnnotator(), new LexiconSentimentScorer());
    Outcome<Annotated> out = stage.apply(redacted(""));
    Annotated a = (Annotated) ((Outcome.Ok<?>) out).value();
    assertEquals(Polarity.NEUTRAL, a.sentiment().document().label());
    assertEquals(List.of(), a.text().sentences());
  }
}
