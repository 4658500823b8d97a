package dev.verbatim.index.bench;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SearchResult;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import dev.verbatim.topics.embed.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Builds an index of N generated records (default 1,000,000) with 2 threads and reports indexing
 * throughput, index size, query latency p50/p99 over a fixed mix of ~200 queries (filters, facets,
 * histograms, highlights) and peak heap.
 *
 * <p>Run: {@code mvn -B -q -pl index -am -Pbench test-compile -Dbench.records=1000000}. Records are
 * generated in memory from a seeded {@link Random} (no annotation): realistic vocabulary per theme,
 * 4 channels, 12 months, 5,000 accounts, sentiment, 1-3 of 40 topics.
 */
public final class SearchBench {
  private static final long SEED = 20260301L;
  private static final int THREADS = 2;
  private static final int BATCH = 50_000;
  private static final Instant FIRST = Instant.parse("2025-04-01T00:00:00Z");
  private static final long YEAR_MILLIS = 365L * 86_400_000L;

  private static final String[][] THEMES = {
    {"charged twice", "double charge", "invoice", "refund", "billing", "card", "payment", "subscription", "price", "overcharged"},
    {"login", "password reset", "locked out", "account", "two factor", "code", "email", "sign in", "session"},
    {"slow", "loading", "lag", "freezes", "keeps crashing", "crash", "timeout", "spinner", "performance"},
    {"sync", "bank connection", "import", "transactions", "missing", "duplicate entries", "feed", "reconcile"},
    {"setup", "onboarding", "tutorial", "confusing", "guide", "getting started", "docs", "wizard"},
    {"agent", "support", "response time", "waiting", "ticket", "helpful", "rude", "escalate"},
    {"app", "iphone", "android", "update", "notification", "battery", "widget", "offline"},
    {"export", "csv", "report", "pdf", "download", "excel", "dashboard", "chart"},
    {"pricing", "plan", "upgrade", "downgrade", "trial", "discount", "renewal", "cancel"},
    {"integration", "api", "webhook", "zapier", "slack", "salesforce", "token", "rate limit"},
    {"search", "filter", "tags", "sorting", "results", "find", "archive", "history"},
    {"permissions", "admin", "roles", "team", "invite", "seats", "audit", "security"},
  };
  private static final String[] FILLER = {
    "i", "the", "my", "it", "is", "was", "and", "when", "after", "again", "please", "really", "very",
    "not", "cannot", "this", "since", "today", "still", "your", "team", "we", "our", "to", "a", "of",
    "for", "with", "every", "time", "week", "month", "customer", "using", "tried", "need", "works"
  };
  private static final String[] NEGATIVE = {
    "terrible", "awful", "frustrated", "annoying", "broken", "worst", "disappointed", "unacceptable"
  };
  private static final String[] POSITIVE = {
    "great", "love", "excellent", "smooth", "helpful", "fast", "amazing", "thanks"
  };
  private static final String[] SEGMENTS = {"smb", "mid-market", "enterprise"};
  private static final String[] PLANS = {"basic", "pro", "business"};
  private static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "en", "en", "de", "fr"};

  private SearchBench() {}

  /** Args: [records] [index dir]. */
  /** Largest heap in use right after a collection: the live set, unlike the peak G1 lets grow. */
  private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();

  private static void watchLiveSet() {
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
      emitter.addNotificationListener((n, h) -> {
        if (!(n.getUserData() instanceof javax.management.openmbean.CompositeData cd)) return;
        var info = com.sun.management.GarbageCollectionNotificationInfo.from(cd);
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
            .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
        LIVE_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }

  public static void main(String[] args) throws Exception {
    watchLiveSet();
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("target", "bench-index");
    if (n == 0) {
      System.out.println("records = 0: measuring queries on the existing index in " + dir);
    } else {
      buildIndex(n, dir);
    }
    measureQueries(dir);
    int semantic = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 100_000;
    if (semantic > 0) {
      measureSemantic(Math.min(semantic, n == 0 ? semantic : n), dir.resolveSibling(dir.getFileName() + "-vectors"));
    }
  }

  /**
   * Semantic search on {@code n} records embedded with the model-free hashing encoder (384
   * dimensions, like MiniLM and bge-small): embedding a million records with the ONNX models would
   * take 25-60 minutes on 2 cores, so the kNN latency is measured on a smaller index with vectors of
   * the same size, and the cost of encoding the query text with MiniLM is measured on its own.
   */
  private static void measureSemantic(int n, Path dir) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    SentenceEncoder hashing = new HashingSentenceEncoder(new SimpleTermAnalyzer(), 384);
    deleteRecursively(dir);
    IndexRecord[] batch = new IndexRecord[Math.min(n, BATCH)];
    long nanos = 0;
    long cpu = 0;
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "bench", 100_000)) {
      ix.vectorModel(hashing.id());
      for (int from = 0; from < n; from += batch.length) {
        int count = Math.min(batch.length, n - from);
        int base = from;
        parallel(count, i -> {
          IndexRecord r = record(base + i);
          batch[i] = r.withVector(hashing.encode(List.of(r.redacted().text())).get(0));
        });
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        parallel(count, i -> ix.apply(batch[i]));
        nanos += System.nanoTime() - t0;
        cpu += os.getProcessCpuTime() - cpu0;
      }
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      ix.commit();
      nanos += System.nanoTime() - t0;
      cpu += os.getProcessCpuTime() - cpu0;
    }
    System.out.printf(Locale.ROOT,
        "semantic: %,d records with 384-dim vectors indexed in %.1f s = %,.0f records/s (%.1f CPU-s);"
            + " size %,.1f MB%n",
        n, nanos / 1e9, n / (nanos / 1e9), cpu / 1e9, sizeOf(dir) / 1e6);

    Random r = new Random(SEED + 1);
    List<SearchRequest> mix = new ArrayList<>();
    String[] channels = {"ticket", "chat", "review", "survey"};
    for (int i = 0; i < 100; i++) {
      String[] theme = THEMES[r.nextInt(THEMES.length)];
      String text = "my " + theme[r.nextInt(theme.length)] + " is " + NEGATIVE[r.nextInt(NEGATIVE.length)]
          + " " + theme[r.nextInt(theme.length)];
      SearchRequest.Builder b = SearchRequest.builder(i % 5 == 4 ? theme[0] : "").limit(20);
      if (i % 5 == 3) b.similarTo("R-" + r.nextInt(n)); else b.semantic(text);
      if (r.nextDouble() < 0.5) b.filter("channel", channels[r.nextInt(4)]);
      if (r.nextDouble() < 0.3) b.filter("sentiment", "negative");
      if (r.nextDouble() < 0.3) b.since(FIRST.plusMillis(r.nextInt(8) * 30L * 86_400_000L));
      if (r.nextDouble() < 0.8) b.facets(true);
      if (r.nextDouble() < 0.7) b.histogram(SearchRequest.Interval.WEEK);
      mix.add(b.build());
    }
    try (FeedbackSearch search = FeedbackSearch.open(dir, hashing)) {
      for (SearchRequest q : mix) search.search(q); // warm-up
      long[] t = new long[mix.size() * 3];
      int k = 0;
      long cpu0 = os.getProcessCpuTime();
      for (int round = 0; round < 3; round++) {
        for (SearchRequest q : mix) {
          long s = System.nanoTime();
          search.search(q);
          t[k++] = System.nanoTime() - s;
        }
      }
      double cpuPer = (os.getProcessCpuTime() - cpu0) / 1e6 / t.length;
      Arrays.sort(t);
      System.out.printf(Locale.ROOT,
          "semantic mix (100 kNN queries x 3: 60%% text, 20%% like-this, 20%% hybrid; filters, facets and"
              + " histogram over cosine >= 0.5): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; CPU %.1f ms per"
              + " query; load average %.1f%n",
          pct(t, 0.5), pct(t, 0.9), pct(t, 0.99), cpuPer, os.getSystemLoadAverage());
    }
    try (OnnxSentenceEncoder minilm = new OnnxSentenceEncoder(OnnxSentenceEncoder.Model.MINILM, 1)) {
      long[] t = new long[60];
      for (int i = -10; i < t.length; i++) {
        long s = System.nanoTime();
        minilm.encode(List.of("can't link my bank account " + i));
        if (i >= 0) t[i] = System.nanoTime() - s;
      }
      Arrays.sort(t);
      System.out.printf(Locale.ROOT, "encoding a query with MiniLM: p50 %.1f ms, p99 %.1f ms%n",
          pct(t, 0.5), pct(t, 0.99));
    }
  }

  private static void buildIndex(int n, Path dir) throws Exception {
    deleteRecursively(dir);
    System.out.printf(Locale.ROOT, "SearchBench: %,d records, %d indexing threads, %s%n", n, THREADS,
        Runtime.version());
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Records are generated in batches outside the timed part, so the figure is the index stage's
    // own throughput (as the issue asks: annotation and everything upstream excluded).
    IndexRecord[] batch = new IndexRecord[Math.min(n, BATCH)];
    long indexNanos = 0;
    long indexCpu = 0;
    AtomicLong rejected = new AtomicLong();
    FeedbackIndexer ix = FeedbackIndexer.open(dir, "bench", 100_000);
    for (int from = 0; from < n; from += batch.length) {
      int count = Math.min(batch.length, n - from);
      int base = from;
      parallel(count, i -> batch[i] = record(base + i));
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      parallel(count, i -> {
        if (!(ix.apply(batch[i]) instanceof dev.verbatim.pipeline.Outcome.Ok<?>)) {
          rejected.incrementAndGet();
        }
      });
      indexNanos += System.nanoTime() - t0;
      indexCpu += os.getProcessCpuTime() - cpu0;
    }
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    ix.close(); // final commit, waits for merges
    indexNanos += System.nanoTime() - t0;
    indexCpu += os.getProcessCpuTime() - cpu0;

    double indexSecs = indexNanos / 1e9;
    double cpuSecs = indexCpu / 1e9;
    long bytes = sizeOf(dir);
    System.out.printf(Locale.ROOT, "indexing: %,d records in %.1f s = %,.0f records/s (rejected %d)%n",
        n, indexSecs, n / indexSecs, rejected.get());
    System.out.printf(Locale.ROOT,
        "  CPU: %.1f s in all threads = %,.0f records per CPU-second (on 2 idle cores: ~%,.0f records/s);"
            + " load average now %.1f%n",
        cpuSecs, n / cpuSecs, 2 * n / cpuSecs, os.getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "index size: %,.1f MB (%,.0f bytes/record)%n", bytes / 1e6,
        (double) bytes / n);
  }

  private interface IntTask {
    void run(int i) throws IOException;
  }

  /** Runs {@code task} for 0..count-1 on {@link #THREADS} threads, each taking every THREADS-th. */
  private static void parallel(int count, IntTask task) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int part = t;
      threads.add(Thread.ofPlatform().name("verbatim-bench-" + t).start(() -> {
        try {
          for (int i = part; i < count; i += THREADS) task.run(i);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
    for (Thread t : threads) t.join();
  }

  private static void measureQueries(Path dir) throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (FeedbackSearch search = FeedbackSearch.open(dir)) {
      List<SearchRequest> mix = queryMix(200);
      long warm = System.nanoTime();
      long hits = 0;
      for (SearchRequest q : mix) hits += search.search(q).total();
      System.out.printf(Locale.ROOT, "warm-up: %d queries in %.1f s (%,d total hits)%n", mix.size(),
          (System.nanoTime() - warm) / 1e9, hits);
      long[] nanos = new long[mix.size() * 3];
      long[] cpuNanos = new long[mix.size() * 3];
      java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long queryCpu0 = os.getProcessCpuTime();
      int k = 0;
      long[] slowest = new long[mix.size()];
      long[] totals = new long[mix.size()];
      for (int round = 0; round < 3; round++) {
        for (int qi = 0; qi < mix.size(); qi++) {
          SearchRequest q = mix.get(qi);
          long c = threads.getCurrentThreadCpuTime();
          long s = System.nanoTime();
          SearchResult r = search.search(q);
          nanos[k] = System.nanoTime() - s;
          cpuNanos[k] = threads.getCurrentThreadCpuTime() - c;
          slowest[qi] = Math.max(slowest[qi], nanos[k++]);
          totals[qi] = r.total();
          if (r.total() < 0) throw new AssertionError();
        }
      }
      {
        Integer[] order = new Integer[mix.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(slowest[b], slowest[a]));
        for (int i = 0; i < 6; i++) {
          SearchRequest q = mix.get(order[i]);
          System.out.printf(Locale.ROOT, "  slow: %.1f ms, %,d hits, q='%s' filters=%s since=%s sort=%s facets=%s hist=%s%n",
              slowest[order[i]] / 1e6, totals[order[i]], q.query(), q.filters(), q.since(), q.sort(), q.facets(), q.histogram());
        }
      }
      double processCpuPerQuery = (os.getProcessCpuTime() - queryCpu0) / 1e6 / nanos.length;
      Arrays.sort(nanos);
      Arrays.sort(cpuNanos);
      System.out.printf(Locale.ROOT, "query mix (%d queries x 3): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          mix.size(), pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
      System.out.printf(Locale.ROOT,
          "  CPU of the calling thread: p50 %.1f ms, p99 %.1f ms; whole process %.1f ms per query%n",
          pct(cpuNanos, 0.50), pct(cpuNanos, 0.99), processCpuPerQuery);

      SearchRequest worst = SearchRequest.builder("").facets(true)
          .histogram(SearchRequest.Interval.WEEK).limit(20).build();
      long[] w = new long[20];
      long worstCpu0 = os.getProcessCpuTime();
      for (int i = 0; i < w.length; i++) {
        long s = System.nanoTime();
        search.search(worst);
        w[i] = System.nanoTime() - s;
      }
      double worstCpu = (os.getProcessCpuTime() - worstCpu0) / 1e6 / w.length;
      Arrays.sort(w);
      System.out.printf(Locale.ROOT,
          "all %,d records with facets + weekly histogram: p50 %.1f ms, CPU %.1f ms per query; load average %.1f%n",
          search.count(), pct(w, 0.5), worstCpu, os.getSystemLoadAverage());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf(Locale.ROOT,
        "peak heap: %,.0f MB used (max %,.0f MB; G1 lets it grow), at most %,.0f MB live after a GC%n",
        peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, LIVE_AFTER_GC.get() / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** Record {@code i}, the same in every run (seeded per record, so threads need not coordinate). */
  static IndexRecord record(int i) {
    Random r = new Random(SEED * 31 + i);
    Channel channel = Channel.values()[r.nextInt(4)];
    String source = switch (channel) {
      case TICKET -> "zendesk";
      case CHAT -> "intercom";
      case REVIEW -> r.nextBoolean() ? "play" : "appstore";
      case SURVEY -> "nps";
    };
    int account = r.nextInt(5000);
    String sentiment = r.nextDouble() < 0.45 ? "negative" : r.nextDouble() < 0.5 ? "neutral" : "positive";
    int topicCount = 1 + r.nextInt(3);
    List<String> topics = new ArrayList<>(topicCount);
    for (int t = 0; t < topicCount; t++) {
      String id = String.format(Locale.ROOT, "t%02d", r.nextInt(40));
      if (!topics.contains(id)) topics.add(id);
    }
    StringBuilder text = new StringBuilder();
    int words = 12 + r.nextInt(50);
    for (int w = 0; w < words; w++) {
      double p = r.nextDouble();
      String word;
      if (p < 0.3) {
        String[] theme = THEMES[Integer.parseInt(topics.get(r.nextInt(topics.size())).substring(1)) % THEMES.length];
        word = theme[r.nextInt(theme.length)];
      } else if (p < 0.38) {
        word = sentiment.equals("positive") ? POSITIVE[r.nextInt(POSITIVE.length)] : NEGATIVE[r.nextInt(NEGATIVE.length)];
      } else {
        word = FILLER[r.nextInt(FILLER.length)];
      }
      if (w > 0) text.append(w % 11 == 10 ? ". " : " ");
      text.append(word);
    }
    text.append('.');
    Rating rating = switch (channel) {
      case REVIEW -> new Rating(1 + r.nextInt(5), RatingScale.STARS);
      case SURVEY -> new Rating(r.nextInt(11), RatingScale.NPS);
      default -> null;
    };
    Instant time = FIRST.plusMillis((long) (r.nextDouble() * YEAR_MILLIS));
    String body = text.toString();
    Redacted red = new Redacted(new FeedbackId(source, "R-" + i), channel, time,
        String.format(Locale.ROOT, "acct-%04d", account), null, rating,
        channel == Channel.TICKET ? "Re: " + topics.get(0) : null, Map.of(),
        List.of(Turn.customer(body)), body, List.of(), LANGS[r.nextInt(LANGS.length)], null);
    double score = switch (sentiment) {
      case "negative" -> -0.2 - 0.8 * r.nextDouble();
      case "positive" -> 0.2 + 0.8 * r.nextDouble();
      default -> 0.4 * r.nextDouble() - 0.2;
    };
    return IndexRecord.of(red).withSentiment(sentiment, score).withTopics(topics)
        .withAccount(SEGMENTS[account % 3], PLANS[account % 3 == 2 ? 2 : account % 2]);
  }

  /** A fixed mix: words, phrases, booleans and wildcards, with filters, facets and histograms. */
  static List<SearchRequest> queryMix(int size) {
    Random r = new Random(SEED);
    List<SearchRequest> mix = new ArrayList<>(size);
    String[] channels = {"ticket", "chat", "review", "survey"};
    String[] sentiments = {"negative", "neutral", "positive"};
    for (int i = 0; i < size; i++) {
      String[] theme = THEMES[r.nextInt(THEMES.length)];
      String q = switch (i % 6) {
        case 0 -> theme[r.nextInt(theme.length)];
        case 1 -> "\"" + theme[r.nextInt(theme.length)] + "\"";
        case 2 -> theme[r.nextInt(theme.length)] + " " + FILLER[r.nextInt(FILLER.length)];
        case 3 -> theme[r.nextInt(theme.length)] + " OR " + theme[r.nextInt(theme.length)];
        case 4 -> theme[0].split(" ")[0].substring(0, 3) + "*";
        default -> "";
      };
      SearchRequest.Builder b = SearchRequest.builder(q).limit(20);
      if (r.nextDouble() < 0.5) b.filter("channel", channels[r.nextInt(4)]);
      if (r.nextDouble() < 0.5) b.filter("sentiment", sentiments[r.nextInt(3)]);
      if (r.nextDouble() < 0.3) b.filter("segment", SEGMENTS[r.nextInt(3)]);
      if (r.nextDouble() < 0.3) b.filter("topic", String.format(Locale.ROOT, "t%02d", r.nextInt(40)));
      if (r.nextDouble() < 0.1) b.filter("account", String.format(Locale.ROOT, "acct-%04d", r.nextInt(5000)));
      if (r.nextDouble() < 0.5) {
        int month = r.nextInt(10);
        b.since(String.format(Locale.ROOT, "%s", FIRST.plusMillis(month * 30L * 86_400_000L)));
        b.until(FIRST.plusMillis((month + 2) * 30L * 86_400_000L));
      }
      if (r.nextDouble() < 0.3) b.sort(SearchRequest.Sort.TIME_DESC);
      if (r.nextDouble() < 0.8) b.facets(true);
      if (r.nextDouble() < 0.7) b.histogram(r.nextBoolean() ? SearchRequest.Interval.WEEK : SearchRequest.Interval.MONTH);
      mix.add(b.build());
    }
    return mix;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
