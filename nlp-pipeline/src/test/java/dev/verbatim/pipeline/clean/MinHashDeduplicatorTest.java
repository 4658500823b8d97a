package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.FeedbackId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  // author columns: empty means unknown
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // the same author posting again: same text, punctuation and case changes, a sentence added
    "I was billed twice this month and nobody answers my emails | c1 | I was billed twice this month and nobody answers my emails | c1 | true",
    "I was billed twice this month and nobody answers my emails | c1 | i was BILLED twice this month, and nobody answers my emails!! | c1 | true",
    "I dont get any notifications for approvals since the update. | a7 | I dont get any notifications for approvals since the update. Please fix. | a7 | true",
    // copy-pasted complaint with a small edit, by someone else
    "Your latest update broke the bank sync, it keeps spinning forever and I cannot see any of my transactions since Monday | c1 | Your latest update broke the bank sync, it keeps spinning forever and I cannot see any of my transactions since Tuesday | c2 | true",
    // a template or bot message repeated across chats, authors unknown
    "Hi! I'm Fin, a bot. Have you tried reconnecting your bank from Settings > Banks? Reply agent to talk to a person. | | Hi! I'm Fin, a bot. Have you tried reconnecting your bank from Settings > Banks? Reply agent to talk to a person. | | true",
    // different complaints, same author
    "I was billed twice this month and nobody answers my emails | c1 | The app crashes every time I open the budgeting screen | c1 | false",
    "Onboarding was confusing, took me an hour to connect my bank | c1 | Onboarding was great, took me a minute to connect my bank and start | c1 | false",
    // different people saying the same short thing: each complaint counts
    "Bank sync fails with connection error every morning. | c1 | Bank sync fails with connection error every morning. | c2 | false",
    "We only get bot answers from support. | | We only get bot answers from support. | | false",
    "Dark mode would be nice for late night use. Really easy to track expenses! | c1 | My IP is [IP]. Really easy to track expenses! Still, dark mode would be nice for late night use. | c2 | false",
    // too short to tell, even from the same author
    "thanks | c1 | thanks | c1 | false",
    "great app love it | c1 | great app love it | c1 | false",
  })
  void linksNearDuplicates(String a, String authorA, String b, String authorB, boolean linked) {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    assertEquals(Optional.empty(), d.register(id("1"), T0, authorA, a));
    assertEquals(linked ? Optional.of(id("1")) : Optional.empty(), d.register(id("2"), T0.plusSeconds(60), authorB, b));
  }

  @Test
  void shortTextsNeedTheSameAuthorLongOnesDoNot() {
    assertTrue(MinHashDeduplicator.sameText(0.6, "c1", 5, "c1", 5));
    assertFalse(MinHashDeduplicator.sameText(1.0, "c1", 15, "c2", 15));
    assertFalse(MinHashDeduplicator.sameText(1.0, null, 15, null, 40));
    assertTrue(MinHashDeduplicator.sameText(0.8, null, 16, "c2", 16));
    assertFalse(MinHashDeduplicator.sameText(0.79, "c1", 30, "c2", 30));
    assertFalse(MinHashDeduplicator.sameText(0.59, "c1", 30, "c1", 30));
  }

  @Test
  void theEarlierWrittenRecordIsTheOriginal() {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    String text = "The export to CSV drops every row that has a comma in the note field, and the totals are wrong";
    assertEquals(Optional.empty(), d.register(id("late"), T0.plusSeconds(600), text));
    // arrives later but was written earlier: an original itself, and later copies link to it
    assertEquals(Optional.empty(), d.register(id("early"), T0, text));
    assertEquals(Optional.of(id("early")), d.register(id("copy"), T0.plusSeconds(900), text));
    // same time: the smaller key wins
    assertEquals(Optional.of(id("early")), d.register(id("z"), T0, text));
  }

  @Test
  void aCopyThatArrivesFirstGetsALateLinkToTheRecordItCopies() {
    MinHashDeduplicator d = new MinHashDeduplicator(100);
    String text = "The export to CSV drops every row that has a comma in the note field, and the totals are wrong";
    assertEquals(Optional.empty(), d.register(id("late"), T0.plusSeconds(600), text));
    assertEquals(Optional.empty(), d.register(id("early"), T0, text));
    assertEquals(Map.of(id("late"), id("early")), d.lateLinks());
    // an even earlier copy takes over the link
    assertEquals(Optional.empty(), d.register(id("earliest"), T0.minusSeconds(60), text));
    assertEquals(Map.of(id("late"), id("earliest"), id("early"), id("earliest")), d.lateLinks());
  }

  /**
   * Newest-first exports and racing workers: the records counted once do not depend on arrival
   * order, also along a chain that is not transitive (c1 is like c2, c2 like c3, c1 not like c3).
   */
  @Test
  void whichRecordsAreDuplicatesDoesNotDependOnArrivalOrder() {
    String a = "Bank sync has failed every morning this week and support keeps closing my ticket without a fix";
    String b = "I was charged twice for the annual plan and the refund form just errors out when I submit it";
    String c1 = words(1, 40);
    String c2 = words(1, 57);
    String c3 = words(18, 57);
    assertTrue(MinHashDeduplicator.similarity(sig(c1), sig(c2)) >= MinHashDeduplicator.MIN_SIMILARITY);
    assertTrue(MinHashDeduplicator.similarity(sig(c2), sig(c3)) >= MinHashDeduplicator.MIN_SIMILARITY);
    assertTrue(MinHashDeduplicator.similarity(sig(c1), sig(c3)) < MinHashDeduplicator.MIN_SIMILARITY);
    record Rec(String id, long minute, String author, String text) {}
    List<Rec> records = List.of(
        new Rec("a1", 0, "c1", a), new Rec("a2", 5, "c1", a + " again"), new Rec("a3", 9, "c1", a),
        new Rec("b1", 3, "c2", b), new Rec("b2", 7, null, b), new Rec("x", 4, "c1", "The budgeting screen is lovely"),
        new Rec("c1", 1, "c3", c1), new Rec("c2", 2, "c3", c2), new Rec("c3", 3, "c3", c3));
    java.util.Set<FeedbackId> expected = null;
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 60; round++) {
      List<Rec> order = new ArrayList<>(records);
      java.util.Collections.shuffle(order, random);
      MinHashDeduplicator d = new MinHashDeduplicator(100);
      java.util.Set<FeedbackId> duplicates = new java.util.TreeSet<>(java.util.Comparator.comparing(FeedbackId::key));
      for (Rec r : order) {
        d.register(id(r.id()), T0.plusSeconds(60 * r.minute()), r.author(), r.text()).ifPresent(o -> duplicates.add(id(r.id())));
      }
      duplicates.addAll(d.lateLinks().keySet());
      if (expected == null) expected = duplicates;
      assertEquals(expected, duplicates, "order " + order.stream().map(Rec::id).toList());
    }
    assertEquals(List.of(id("a2"), id("a3"), id("b2"), id("c2"), id("c3")), List.copyOf(expected));
  }

  private static String words(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) sb.append("w").append(i).append(' ');
    return sb.toString().strip();
  }

  private static int[] sig(String text) {
    return MinHashDeduplicator.signature(MinHashDeduplicator.tokens(text));
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
      d.register(id("r" + i), T0.plusSeconds(i), "record number " + i + " talks about topic " + (i * 7919)
          + " and more words here, long enough to be copied by someone else");
    }
    assertEquals(10, d.size());
  }

  @Test
  void evictedOriginalsStopMatchingAndTheRestStillDo() {
    MinHashDeduplicator d = new MinHashDeduplicator(3);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      texts.add("original number " + i + " says the export to CSV drops every row with a comma in note " + (i * 7919)
          + " and the totals are wrong again for account " + (i * 104729));
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(Optional.empty(), d.register(id("o" + i), T0.plusSeconds(i), texts.get(i)));
      // every original still kept is found (a linked copy is not stored, so probing changes nothing)
      for (int j = Math.max(0, i - 2); j <= i; j++) {
        assertEquals(Optional.of(id("o" + j)), d.register(id("copy" + i + "-" + j), T0.plusSeconds(100), texts.get(j)));
      }
    }
    assertEquals(3, d.size());
    // an evicted original is gone from every band chain
    assertEquals(Optional.empty(), d.register(id("late-copy"), T0.plusSeconds(100), texts.get(0)));
  }

  @Test
  void aShortTextWithoutAnAuthorIsNeitherComparedNorKept() {
    MinHashDeduplicator d = new MinHashDeduplicator(10);
    String shortText = "The app keeps crashing every single morning.";
    assertEquals(Optional.empty(), d.register(id("a"), T0, shortText));
    assertEquals(Optional.empty(), d.register(id("b"), T0.plusSeconds(1), shortText));
    assertEquals(0, d.size());
    // with an author, the same text is kept: that author's resubmission links
    assertEquals(Optional.empty(), d.register(id("c"), T0, "cust-1", shortText));
    assertEquals(Optional.of(id("c")), d.register(id("d"), T0.plusSeconds(1), "cust-1", shortText));
    assertEquals(1, d.size());
  }

  @Test
  void concurrentCopiesAllLinkToTheOriginal() throws Exception {
    MinHashDeduplicator d = new MinHashDeduplicator(1000);
    String bot = "Hi! I'm Fin, a bot. Have you tried reconnecting your bank from Settings > Banks? Reply agent to talk to a person.";
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
