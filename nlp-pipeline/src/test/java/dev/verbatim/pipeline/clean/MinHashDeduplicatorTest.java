package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.FeedbackId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinHashDeduplicatorTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static FeedbackId id(String s) {
    return new FeedbackId("t", s);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // same text, punctuation and case changes
    "I was billed twice this month and nobody answers my emails | I was billed twice this month and nobody answers my emails | true",
    "I was billed twice this month and nobody answers my emails | i was BILLED twice this month, and nobody answers my emails!! | true",
    // copy-pasted complaint with a small edit
    "Your latest update broke the bank sync, it keeps spinning forever and I cannot see any of my transactions since Monday | Your latest update broke the bank sync, it keeps spinning forever and I cannot see any of my transactions since Tuesday | true",
    "Hi! I'm Fin, a bot. Have you tried reconnecting from Settings > Banks? | Hi! I'm Fin, a bot. Have you tried reconnecting from Settings > Banks? | true",
    // different complaints
    "I was billed twice this month and nobody answers my emails | The app crashes every time I open the budgeting screen | false",
    "Onboarding was confusing, took me an hour to connect my bank | Onboarding was great, took me a minute to connect my bank and start | false",
    // too short to tell
    "thanks | thanks | false",
    "great app love it | great app love it | false",
  })
  void linksNearDuplicates(String a, String b, boolean linked) {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    assertEquals(Optional.empty(), d.register(id("1"), T0, a));
    assertEquals(linked ? Optional.of(id("1")) : Optional.empty(), d.register(id("2"), T0.plusSeconds(60), b));
  }

  @Test
  void theEarlierWrittenRecordIsTheOriginal() {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    String text = "The export to CSV drops every row that has a comma in the note field";
    assertEquals(Optional.empty(), d.register(id("late"), T0.plusSeconds(600), text));
    // arrives later but was written earlier: an original itself, and later copies link to it
    assertEquals(Optional.empty(), d.register(id("early"), T0, text));
    assertEquals(Optional.of(id("early")), d.register(id("copy"), T0.plusSeconds(900), text));
    // same time: the smaller key wins
    assertEquals(Optional.of(id("early")), d.register(id("z"), T0, text));
  }

  @Test
  void reingestIsNotADuplicateOfItself() {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    String text = "The export to CSV drops every row that has a comma in the note field";
    d.register(id("1"), T0, text);
    assertEquals(Optional.empty(), d.register(id("1"), T0, text));
  }

  @Test
  void memoryIsBoundedAndOldOriginalsAreForgotten() {
    MinHashDeduplicator d = new MinHashDeduplicator(10);
    for (int i = 0; i < 100; i++) {
      d.register(id("r" + i), T0.plusSeconds(i), "record number " + i + " talks about topic " + (i * 7919) + " and more words here");
    }
    assertEquals(10, d.size());
  }

  @Test
  void concurrentCopiesAllLinkToTheOriginal() throws Exception {
    MinHashDeduplicator d = new MinHashDeduplicator(1000);
    String bot = "Hi! I'm Fin, a bot. Have you tried reconnecting from Settings > Banks?";
    d.register(id("0000"), T0, bot);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Optional<FeedbackId>>> results = new ArrayList<>();
      for (int i = 1; i <= 400; i++) {
        String key = String.format(java.util.Locale.ROOT, "%04d", i);
        results.add(pool.submit(() -> d.register(id(key), T0.plusSeconds(1), bot)));
      }
      for (Future<Optional<FeedbackId>> r : results) assertEquals(Optional.of(id("0000")), r.get());
    } finally {
      pool.shutdown();
    }
    assertTrue(d.size() == 1, "copies are not stored");
  }
}
