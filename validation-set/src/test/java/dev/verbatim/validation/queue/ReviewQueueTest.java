package dev.verbatim.validation.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.Fixtures;
import dev.verbatim.validation.SentimentLabel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewQueueTest {
  @TempDir Path dir;

  /** A clock tests can move. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void createsAVersionedWalDatabase() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("validation.db"))) {
      assertEquals(ReviewQueue.SCHEMA_VERSION, q.schemaVersion());
      assertEquals("wal", q.journalMode());
    }
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("validation.db"))) { // reopen: no re-migration
      assertEquals(ReviewQueue.SCHEMA_VERSION, q.schemaVersion());
    }
  }

  @Test
  void expiredLeaseReturnsTheItemToTheQueue() throws Exception {
    MovableClock clock = new MovableClock();
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("v.db"), clock, Duration.ofMinutes(10))) {
      long s = q.addSample(Fixtures.sample(20, 1, 0));
      ReviewItem a = q.next("ann", s).orElseThrow();
      assertEquals(Optional.empty(), q.next("bob", s), "the only item is leased to ann");
      assertEquals(a.itemId(), q.next("ann", s).orElseThrow().itemId(), "ann resumes her lease");
      clock.advance(Duration.ofMinutes(11));
      ReviewItem b = q.next("bob", s).orElseThrow();
      assertEquals(a.itemId(), b.itemId(), "abandoned item goes to bob");
      q.save(b.itemId(), Label.sentiment("bob", SentimentLabel.NEGATIVE, clock.instant()));
      assertEquals(1, q.status(s).labelsDone());
      assertEquals(Optional.empty(), q.next("ann", s));
    }
  }

  @Test
  void overlapItemsGoToTwoReviewersAndOthersToOne() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("v.db"))) {
      long s = q.addSample(Fixtures.sample(200, 10, 0.2));
      QueueStatus st = q.status(s);
      assertEquals(10, st.items());
      assertEquals(12, st.labelsRequired());
      int labelled = 0;
      for (String r : List.of("ann", "bob", "ann", "bob")) {
        Optional<ReviewItem> it;
        while ((it = q.next(r, s)).isPresent()) {
          q.save(it.get().itemId(), Label.sentiment(r, SentimentLabel.POSITIVE, Instant.now()));
          labelled++;
        }
      }
      assertEquals(12, labelled);
      assertEquals(0, q.status(s).remaining());
      long twice = q.labeled(s).stream().filter(li -> li.labels().size() == 2).count();
      assertEquals(2, twice);
      q.labeled(s).forEach(li -> assertEquals(li.item().required(), li.labels().size()));
    }
  }

  @Test
  void skipFlagAndUndo() throws Exception {
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("v.db"))) {
      long s = q.addSample(Fixtures.sample(50, 3, 0));
      ReviewItem first = q.next("ann", s).orElseThrow();
      q.skip("ann", first.itemId());
      ReviewItem second = q.next("ann", s).orElseThrow();
      assertNotEquals(first.itemId(), second.itemId(), "a skipped item is not offered again");
      assertEquals(first.itemId(), q.next("bob", s).orElseThrow().itemId(), "but others get it");
      q.save(second.itemId(), Label.flag("ann", "not customer text", Instant.now()));
      ReviewItem third = q.next("ann", s).orElseThrow();
      q.save(third.itemId(), Label.sentiment("ann", SentimentLabel.NEUTRAL, Instant.now()));
      assertEquals(1, q.status(s).flagged());
      assertEquals(Optional.of(third.itemId()), q.undoLast("ann"));
      assertEquals(third.itemId(), q.next("ann", s).orElseThrow().itemId(), "undone item comes back first");
      q.save(third.itemId(), Label.sentiment("ann", SentimentLabel.POSITIVE, Instant.now()));
      LabeledItem li = q.labeled(s).stream().filter(x -> x.item().itemId() == third.itemId()).findFirst().orElseThrow();
      assertEquals(1, li.labels().size());
      assertEquals(SentimentLabel.POSITIVE, li.labels().get(0).sentiment());
    }
  }

  @Test
  void hostileTextSurvivesTheRoundTrip() throws Exception {
    String nasty = "<script>alert('x')</script>\u0000\u001b[31m' OR 1=1; --\u202e\ud83d\ude00" + "é".repeat(1_000_000);
    var rec = new dev.verbatim.validation.PopulationRecord("id'\"; DROP TABLE items; --", nasty, "chat",
        SentimentLabel.NEGATIVE, -0.5, 0.9, List.of("topic, with \"quotes\""), null, null);
    var sample = new dev.verbatim.validation.sample.Sampler().draw(List.of(rec),
        dev.verbatim.validation.sample.SamplePlan.of(dev.verbatim.validation.sample.Strategy.STRATIFIED, 1, 1));
    try (ReviewQueue q = ReviewQueue.open(dir.resolve("v.db"))) {
      long s = q.addSample(sample);
      ReviewItem it = q.next("ann", s).orElseThrow();
      assertEquals(nasty, it.text());
      assertEquals(rec, it.record());
      q.save(it.itemId(), new Label("ann", SentimentLabel.NEUTRAL, java.util.Map.of(), null, false, false, nasty, Instant.now()));
      assertEquals(nasty, q.labeled(s).get(0).labels().get(0).note());
    }
  }

  @Test
  void concurrentReviewersNeverShareANonOverlapItem() throws Exception {
    Path db = dir.resolve("v.db");
    long s;
    try (ReviewQueue q = ReviewQueue.open(db)) {
      s = q.addSample(Fixtures.sample(500, 60, 0));
    }
    int reviewers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(reviewers);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int r = 0; r < reviewers; r++) {
      String name = "reviewer-" + r;
      futures.add(pool.submit(() -> {
        List<Long> got = new ArrayList<>();
        try (ReviewQueue q = ReviewQueue.open(db)) { // own connection, as another process would
          Optional<ReviewItem> it;
          while ((it = q.next(name, s)).isPresent()) {
            got.add(it.get().itemId());
            q.save(it.get().itemId(), Label.sentiment(name, SentimentLabel.NEGATIVE, Instant.now()));
          }
        }
        return got;
      }));
    }
    List<Long> all = Collections.synchronizedList(new ArrayList<>());
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    Set<Long> distinct = new HashSet<>(all);
    assertEquals(all.size(), distinct.size(), "an item went to two reviewers");
    assertEquals(60, distinct.size());
    try (ReviewQueue q = ReviewQueue.open(db)) {
      assertEquals(0, q.status(s).remaining());
      assertFalse(q.labeled(s).stream().anyMatch(li -> li.labels().size() != 1));
      assertTrue(q.status(s).reviewers() >= 1);
    }
  }
}
