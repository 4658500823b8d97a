package dev.verbatim.trends.bench;

import dev.verbatim.index.RecordFacts;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import dev.verbatim.trends.InMemoryTrendSource;
import dev.verbatim.trends.TrendSettings;
import dev.verbatim.trends.report.FrictionAnalysis;
import dev.verbatim.trends.report.FrictionReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times trends + association on N generated records and M accounts (seeded): 40 topics, 12 months,
 * 4 channels, 3 segments, NPS on a fifth of records, 8% churn and 10% expansion. Generation is
 * outside the timed part; the timed part is the whole friction analysis (one scan into the fact
 * table, weekly series, emerging tests, churn and expansion associations with FDR, survey impact,
 * quotes) on facts held in memory, i.e. everything but the index scan (about a second per million
 * records, see index/README.md). Peak heap is the sum of the heap pools' peaks, reset after
 * generation, so it includes the facts themselves (printed separately).
 *
 * <p>Run: {@code mvn -B -q -pl trends -am -Pbench-trends test-compile -Dbench.records=1000000 -Dbench.accounts=10000}
 */
public final class TrendsBench {
  private TrendsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    if (args.length > 2 && !args[2].isBlank()) {
      indexed(java.nio.file.Path.of(args[2]));
      return;
    }
    SplittableRandom rnd = new SplittableRandom(42);
    String[] segments = {"smb", "mid-market", "enterprise"};
    String[] channels = {"ticket", "chat", "review", "survey"};
    List<String> topics = new ArrayList<>();
    for (int t = 0; t < 40; t++) topics.add(String.format(Locale.ROOT, "t%02d", t));
    LocalDate start = LocalDate.of(2025, 12, 1);
    List<Account> accounts = new ArrayList<>();
    List<AccountOutcome> outcomes = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      String id = "acc-" + a;
      accounts.add(new Account(id, start.minusDays(rnd.nextInt(900)), segments[a % 3], "pro", 1000.0 + rnd.nextInt(100_000)));
      double u = rnd.nextDouble();
      if (u < 0.08) outcomes.add(new AccountOutcome(id, AccountOutcome.Type.CHURN, start.plusDays(rnd.nextInt(365)), null));
      else if (u < 0.18) outcomes.add(new AccountOutcome(id, AccountOutcome.Type.EXPANSION, start.plusDays(rnd.nextInt(365)), 500.0));
    }
    List<RecordFacts> facts = new ArrayList<>(n);
    long startSec = start.toEpochDay() * 86_400L;
    for (int i = 0; i < n; i++) {
      int a = rnd.nextInt(m);
      int k = 1 + rnd.nextInt(3);
      List<String> ts = new ArrayList<>(k), neg = new ArrayList<>(1), pos = new ArrayList<>(1);
      for (int j = 0; j < k; j++) {
        String t = topics.get(rnd.nextInt(topics.size()));
        if (ts.contains(t)) continue;
        ts.add(t);
        double s = rnd.nextDouble();
        if (s < 0.4) neg.add(t);
        else if (s < 0.7) pos.add(t);
      }
      String channel = channels[rnd.nextInt(4)];
      boolean survey = channel.equals("survey");
      double score = rnd.nextDouble() * 2 - 1;
      facts.add(new RecordFacts(null, null, "bench", channel, "en", "acc-" + a, segments[a % 3], "pro",
          Instant.ofEpochSecond(startSec + rnd.nextLong(365L * 86_400)), score < -0.2 ? "negative" : score > 0.2 ? "positive" : "neutral",
          score, 0.8, ts, neg, pos, survey ? (double) rnd.nextInt(11) : null, survey ? "nps" : null, rnd.nextInt(100) == 0));
    }
    System.gc();
    long factsHeap = used();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    InMemoryTrendSource source = new InMemoryTrendSource(facts);
    TrendSettings settings = TrendSettings.defaults().withPeriod(null, null);
    // warm-up on a tenth, then the timed run
    FrictionAnalysis.run(new InMemoryTrendSource(facts.subList(0, n / 10)), accounts, outcomes, Map.of(), settings, null);
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    var threads = ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    FrictionReport r = FrictionAnalysis.run(source, accounts, outcomes, Map.of(), settings, null);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    }
    System.out.printf(Locale.ROOT,
        "TrendsBench: %,d records, %,d accounts, %d topics (%,d counted, %,d duplicates)%n"
            + "  friction analysis (fact table, weekly series, emerging, churn+expansion associations, survey): %.2f s wall, %.2f s CPU (one thread)%n"
            + "  heap: facts in memory %,d MB; peak during analysis %,d MB (facts included)%n",
        n, m, r.topics().size(), r.records(), r.duplicates(), secs, cpu, factsHeap >> 20, peak >> 20);
  }

  /**
   * The same analysis reading an existing index (e.g. the one SearchBench leaves in
   * index/target/bench-index): doc-value scan included. Accounts are the index's, with generated
   * segments, ARR and outcomes.
   */
  static void indexed(java.nio.file.Path dir) throws Exception {
    try (dev.verbatim.index.FeedbackSearch search = dev.verbatim.index.FeedbackSearch.open(dir)) {
      dev.verbatim.trends.IndexTrendSource source = new dev.verbatim.trends.IndexTrendSource(search);
      java.util.Set<String> ids = new java.util.TreeSet<>();
      source.scan(null, f -> {
        if (f.account() != null) ids.add(f.account());
      });
      SplittableRandom rnd = new SplittableRandom(42);
      List<Account> accounts = new ArrayList<>();
      List<AccountOutcome> outcomes = new ArrayList<>();
      String[] segments = {"smb", "mid-market", "enterprise"};
      LocalDate start = LocalDate.of(2025, 6, 1);
      for (String id : ids) {
        accounts.add(new Account(id, start.minusDays(400), segments[rnd.nextInt(3)], "pro", 1000.0 + rnd.nextInt(100_000)));
        double u = rnd.nextDouble();
        if (u < 0.08) outcomes.add(new AccountOutcome(id, AccountOutcome.Type.CHURN, start.plusDays(rnd.nextInt(365)), null));
        else if (u < 0.18) outcomes.add(new AccountOutcome(id, AccountOutcome.Type.EXPANSION, start.plusDays(rnd.nextInt(365)), 500.0));
      }
      System.gc();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
      var threads = ManagementFactory.getThreadMXBean();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      FrictionReport r = FrictionAnalysis.run(source, accounts, outcomes, Map.of(), TrendSettings.defaults(), null);
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
      }
      System.out.printf(Locale.ROOT,
          "TrendsBench (index %s): %,d records counted, %,d accounts, %d topics%n"
              + "  scan + friction analysis + quotes: %.2f s wall, %.2f s CPU (calling thread); peak heap %,d MB%n",
          dir, r.records(), accounts.size(), r.topics().size(), secs, cpu, peak >> 20);
    }
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
