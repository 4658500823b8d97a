package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanerTest {

  /** Answers "en" for anything: these tests are about cleaning, not detection. */
  static final LanguageDetector ENGLISH =
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

  private final Cleaner cleaner = new Cleaner(ENGLISH, new MinHashDeduplicator(1000));

  static Feedback feedback(String id, List<Turn> turns, @Nullable Rating rating, @Nullable String language) {
    return new Feedback(
        new FeedbackId("test", id), Channel.TICKET, Instant.parse("2026-03-02T10:15:00Z"), turns, null,
        null, rating, language, null, Map.of());
  }

  private Cleaned clean(Feedback f) {
    return assertInstanceOf(Outcome.Ok.class, cleaner.apply(f)) instanceof Outcome.Ok<?> ok
        ? (Cleaned) ok.value()
        : null;
  }

  @Test
  void keepsOnlyCustomerTurnsWithoutQuotesAndSignatures() {
    Feedback f =
        feedback(
            "1",
            List.of(
                Turn.customer("Hi, I was billed twice.\n\nThanks,\nDana Whitfield\nHead of Ops\n+1 415 555 0199"),
                new Turn(Speaker.AGENT, "Hi Dana, sorry about that! Refund is on its way.", null),
                new Turn(Speaker.BOT, "Was this helpful?", null),
                Turn.customer(
                    "Got it, thanks. Third time this happens though.\n\nOn Tue, Mar 3, 2026 at 7:55 AM "
                        + "Support <support@example.com> wrote:\n> Hi Dana, sorry about that!")),
            null, null);
    Cleaned c = clean(f);
    assertEquals("Hi, I was billed twice.\nGot it, thanks. Third time this happens though.", c.text());
    assertEquals(
        List.of(new Cleaned.Segment(0, 0, 0, 23), new Cleaned.Segment(3, 0, 24, 71)), c.segments());
    assertEquals("en", c.language());
    assertNull(c.duplicateOf());
  }

  @Test
  void htmlTurnsBecomeTextWithLines() {
    Cleaned c =
        clean(feedback("2", List.of(Turn.customer("<p>yes 3 times.</p><p>this   onboarding is a nightmare&nbsp;😤</p>")), null, null));
    assertEquals("yes 3 times.\nthis onboarding is a nightmare 😤", c.text());
    assertEquals(1, c.segments().get(1).line());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "<p>  </p>",
    "> only a quote",
    "<script>alert(1)</script>",
    "Sent from my iPhone",
  })
  void rejectsEmptyCustomerText(String text) {
    Outcome<Cleaned> out = cleaner.apply(feedback("3", List.of(Turn.customer(text)), null, null));
    assertEquals(Reason.EMPTY_TEXT, assertInstanceOf(Outcome.Rejected.class, out).reason());
  }

  @Test
  void rejectsRecordWithOnlyAgentTurns() {
    Outcome<Cleaned> out =
        cleaner.apply(feedback("4", List.of(new Turn(Speaker.AGENT, "Hello?", null)), null, null));
    assertEquals(Reason.EMPTY_TEXT, assertInstanceOf(Outcome.Rejected.class, out).reason());
  }

  @Test
  void scoreOnlyRecordPassesWithEmptyText() {
    Cleaned c = clean(feedback("5", List.of(), new Rating(7, RatingScale.NPS), null));
    assertEquals("", c.text());
    assertEquals("und", c.language());
  }

  @ParameterizedTest
  @CsvSource({"es, es", "pt_BR, pt-BR", "EN-us, en-US", "'', en", "'not a tag!', en", "und, en"})
  void respectsTheStatedLanguage(String stated, String expected) {
    assertEquals(expected, clean(feedback("6", List.of(Turn.customer("La app se cierra cada vez.")), null, stated)).language());
  }

  @Test
  void linksNearDuplicatesToTheEarlierRecord() {
    String complaint = "The app logs me out every single time I switch to another app, please fix this";
    Cleaned first = clean(feedback("a", List.of(Turn.customer(complaint)), null, null));
    Cleaned again = clean(feedback("b", List.of(Turn.customer(complaint + "!!")), null, null));
    assertNull(first.duplicateOf());
    assertEquals(new FeedbackId("test", "a"), again.duplicateOf());
  }

  @Test
  void aShortRepeatLinksOnlyWhenTheSameCustomerWroteIt() {
    String complaint = "Bank sync fails with a connection error every morning.";
    Cleaned first = clean(byCustomer("c1", "cust-1", complaint));
    Cleaned resent = clean(byCustomer("c2", "cust-1", complaint));
    Cleaned someoneElse = clean(byCustomer("c3", "cust-2", complaint));
    assertNull(first.duplicateOf());
    assertEquals(new FeedbackId("test", "c1"), resent.duplicateOf());
    assertNull(someoneElse.duplicateOf(), "another customer making the same complaint counts on its own");
  }

  private static Feedback byCustomer(String id, String customer, String text) {
    return new Feedback(
        new FeedbackId("test", id), Channel.TICKET, Instant.parse("2026-03-02T10:15:00Z"), List.of(Turn.customer(text)),
        "acc-1", customer, null, "en", null, Map.of());
  }
}
