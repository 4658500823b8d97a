package dev.verbatim.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.RecordFacts;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendsTest {
  static RecordFacts fact(String key, LocalDate day, String account, String segment, List<String> topics,
      List<String> negative, String sentiment, boolean duplicate) {
    Instant t = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    return new RecordFacts(key, "text of " + key, "src", "ticket", "en", account, segment, null, t, sentiment,
        sentiment.equals("negative") ? -0.8 : 0.5, 0.9, topics, negative, List.of(), null, null, duplicate);
  }

  @Test
  void weeklySeriesCountsDuplicatesOnceAndUsesMondayWeeks() throws IOException {
    LocalDate mon = LocalDate.of(2026, 3, 2); // a Monday
    List<RecordFacts> facts = List.of(
        fact("a", mon, "acc1", "smb", List.of("t1"), List.of("t1"), "negative", false),
        fact("b", mon.plusDays(6), "acc2", "smb", List.of("t1", "t2"), List.of(), "positive", false),
        fact("c", mon.plusDays(6), "acc2", "smb", List.of("t1", "t2"), List.of(), "positive", true),
        fact("d", mon.plusDays(7), "acc1", "enterprise", List.of("t2"), List.of(), "neutral", false));
    FactTable table = FactTable.build(new InMemoryTrendSource(facts), null, f -> true);
    assertEquals(3, table.records());
    assertEquals(1, table.duplicates());
    TopicSeries s = Trends.series(table, "t1", SearchRequest.Interval.WEEK, mon, mon.plusDays(13));
    assertEquals(2, s.points().size());
    SeriesPoint w1 = s.points().get(0);
    assertEquals(mon, w1.start());
    assertEquals(2, w1.volume());
    assertEquals(2, w1.total());
    assertEquals(1.0, w1.share(), 1e-12);
    assertEquals(1, w1.negative());
    assertEquals(0.5, w1.negativeShare(), 1e-12);
    assertEquals((-0.8 + 0.5) / 2, w1.meanSentiment(), 1e-12);
    assertEquals(2, w1.accounts());
    assertEquals(2L, w1.byChannel().get("ticket"));
    assertEquals(0, s.points().get(1).volume());
    assertEquals(1, s.points().get(1).total());
    assertTrue(Double.isNaN(s.points().get(1).negativeShare()));
    assertEquals("topic:\"t1\" AND event_time:[2026-03-02 TO 2026-03-15]", s.query());
  }

  /** Weekly volumes of 200 records; a topic at 5% negative mentions that jumps to 20% from week 20. */
  static List<RecordFacts> growth(long seed, int jumpWeek, double after) {
    Random rnd = new Random(seed);
    List<RecordFacts> facts = new ArrayList<>();
    LocalDate start = LocalDate.of(2026, 1, 5);
    for (int w = 0; w < 30; w++) {
      for (int i = 0; i < 200; i++) {
        double p = w >= jumpWeek ? after : 0.05;
        boolean hit = rnd.nextDouble() < p;
        LocalDate day = start.plusWeeks(w).plusDays(rnd.nextInt(7));
        facts.add(fact("r" + w + "-" + i, day, "acc" + rnd.nextInt(50), "smb", hit ? List.of("grow", "other") : List.of("other"),
            hit ? List.of("grow") : List.of(), hit ? "negative" : "neutral", false));
      }
    }
    return facts;
  }

  @Test
  void emergingFrictionFlaggedAtTheJumpWithRatioAndPValue() throws IOException {
    FactTable table = FactTable.build(new InMemoryTrendSource(growth(7, 20, 0.20)), null, f -> true);
    List<EmergingAlert> alerts = new EmergingDetector(TrendSettings.defaults()).detect(table, "grow", table.firstDay(), table.lastDay());
    assertEquals(1, alerts.size(), alerts.toString());
    EmergingAlert a = alerts.get(0);
    assertEquals(LocalDate.of(2026, 1, 5).plusWeeks(20), a.since());
    assertTrue(a.active());
    assertFalse(a.isNew());
    assertTrue(a.ratio() > 3 && a.ratio() < 5.5, "ratio " + a.ratio());
    assertTrue(a.pValue() < 1e-10);
    assertTrue(new EmergingDetector(TrendSettings.defaults()).detect(table, "other", table.firstDay(), table.lastDay()).isEmpty());
  }

  @Test
  void stableTopicsRaiseFewFalseAlarms() throws IOException {
    int alarms = 0;
    for (long seed = 1; seed <= 20; seed++) {
      FactTable table = FactTable.build(new InMemoryTrendSource(growth(seed, 99, 0.05)), null, f -> true);
      alarms += new EmergingDetector(TrendSettings.defaults()).detect(table, "grow", table.firstDay(), table.lastDay()).size();
    }
    // 20 topic-runs × 22 tested weeks × α 0.001 ≈ 0.44 expected
    assertTrue(alarms <= 2, "alarms " + alarms);
  }

  @Test
  void brandNewTopicIsFlaggedNew() throws IOException {
    List<RecordFacts> facts = new ArrayList<>(growth(3, 99, 0.05));
    LocalDate late = LocalDate.of(2026, 1, 5).plusWeeks(25);
    for (int i = 0; i < 12; i++) facts.add(fact("n" + i, late.plusDays(i % 7), "acc1", "smb", List.of("fresh"), List.of("fresh"), "negative", false));
    FactTable table = FactTable.build(new InMemoryTrendSource(facts), null, f -> true);
    List<EmergingAlert> alerts = new EmergingDetector(TrendSettings.defaults()).detect(table, "fresh", table.firstDay(), table.lastDay());
    assertEquals(1, alerts.size());
    assertTrue(alerts.get(0).isNew());
    assertNull(alerts.get(0).ratio());
    assertEquals(late, alerts.get(0).since());
  }

  @Test
  void churnAssociationByWindowAndSegmentWithArr() throws IOException {
    // 40 smb accounts; 10 raise "bank" within 90 days of the end; of those 5 churn, of the other 30, 3 churn.
    LocalDate end = LocalDate.of(2026, 6, 30);
    List<Account> accounts = new ArrayList<>();
    List<AccountOutcome> outcomes = new ArrayList<>();
    List<RecordFacts> facts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "a" + i;
      accounts.add(new Account(id, LocalDate.of(2025, 1, 1), "smb", "pro", 1000.0));
      boolean exposed = i < 10;
      boolean churned = exposed ? i < 5 : i < 13;
      LocalDate ref = churned ? end.minusDays(20) : end;
      if (churned) outcomes.add(new AccountOutcome(id, AccountOutcome.Type.CHURN, ref, -1000.0));
      facts.add(fact("f" + i, ref.minusDays(exposed ? 30 : 10), id, "smb", exposed ? List.of("bank") : List.of("misc"),
          exposed ? List.of("bank") : List.of(), exposed ? "negative" : "neutral", false));
      // an old mention outside the window does not count
      if (i == 20) facts.add(fact("old", ref.minusDays(200), id, "smb", List.of("bank"), List.of(), "neutral", false));
    }
    FactTable table = FactTable.build(new InMemoryTrendSource(facts), null, f -> true);
    List<Association> all = new OutcomeAssociation(TrendSettings.defaults()).compute(table, accounts, outcomes, LocalDate.of(2026, 1, 1), end);
    Association bank = all.stream().filter(a -> a.topic().equals("bank") && !a.negativeOnly() && a.outcome().equals("churn")).findFirst().orElseThrow();
    assertEquals(10, bank.accounts());
    assertEquals(5, bank.events());
    assertEquals(30, bank.otherAccounts());
    assertEquals(3, bank.otherEvents()); // accounts 10..12 churn without raising it
    assertEquals((5 / 10.0) / (3 / 30.0), bank.relativeRisk(), 1e-12);
    assertEquals(10_000, bank.arr(), 1e-9);
    assertEquals(5_000, bank.arrAtRisk(), 1e-9);
    assertEquals(5_000, bank.arrChange(), 1e-9);
    assertFalse(Double.isNaN(bank.qValue()));
    assertTrue(bank.qValue() >= bank.pValue());
  }
}
