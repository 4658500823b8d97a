package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: random Unicode and megabyte lines never throw and stay linear. */
class CleanerRobustnessTest {

  private static final long SEED = 20260302L;

  private final Cleaner cleaner = new Cleaner(CleanerTest.ENGLISH, new MinHashDeduplicator(1000));

  @Test
  void randomUnicodeNeverThrows() {
    Random random = new Random(SEED);
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, random.nextInt(400));
      Outcome<Cleaned> out = cleaner.apply(CleanerTest.feedback("r" + i, List.of(Turn.customer(text)), null, null));
      if (out instanceof Outcome.Ok<Cleaned> ok) {
        String clean = ok.value().text();
        for (int k = 0; k < clean.length(); k++) {
          char c = clean.charAt(k);
          if (Character.isISOControl(c) && c != '\n') throw new AssertionError("control char left, seed " + SEED);
        }
      }
    }
  }

  @Test
  void megabyteLinesAreCleanedInLinearTime() {
    String[] units = {"a", "<", "<a ", "> ", "wrote: ", "&amp;", "--", " ", "On ", "é", "<p>", "@", "1"};
    for (String unit : units) {
      String line = unit.repeat(1_000_000 / unit.length());
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> cleaner.apply(CleanerTest.feedback("big", List.of(Turn.customer(line)), null, null)),
          "unit " + unit);
    }
  }

  @Test
  void deeplyNestedHtmlDoesNotOverflow() {
    String html = "<div>".repeat(50_000) + "text" + "</div>".repeat(50_000);
    Outcome<Cleaned> out = cleaner.apply(CleanerTest.feedback("deep", List.of(Turn.customer(html)), null, null));
    assertEquals("text", ((Outcome.Ok<Cleaned>) out).value().text());
  }

  static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    String[] pieces = {"<p>", "</p>", "<br>", "&amp;", "&#x0;", "\n", "\r\n", "> ", "-- \n", "wrote:\n", "\u200B", "\uFEFF", " "};
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append(pieces[random.nextInt(pieces.length)]);
        case 1 -> sb.append((char) random.nextInt(0x10000)); // includes lone surrogates and controls
        case 2 -> sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        default -> sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    return sb.toString();
  }
}
