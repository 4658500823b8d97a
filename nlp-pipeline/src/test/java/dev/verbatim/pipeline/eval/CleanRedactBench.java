package dev.verbatim.pipeline.eval;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.redact.PiiRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of clean + redact (language detection and duplicate index included) on generated
 * tickets and chats, single-threaded and with 2 threads. Prints records/s; asserts nothing. Run:
 *
 * <pre>mvn -q -pl nlp-pipeline test-compile exec:java -Dexec.mainClass=dev.verbatim.pipeline.eval.CleanRedactBench</pre>
 */
public final class CleanRedactBench {

  private static final String[] SENTENCES = {
    "I was billed twice this month and nobody answers my emails.",
    "The app crashes every time I open the budgeting screen on Android 14.",
    "Onboarding was confusing, it took me an hour to connect my bank.",
    "My order 100234567 never arrived and the tracking page is empty.",
    "Please call me on +1 415 555 0199 or write to dana.whitfield@acme-logistics.example.",
    "The price went from €9.99 to €14.99 without notice, version 4.12.0 is slow.",
    "Refund it to card 4111 1111 1111 1111 please, not to store credit.",
    "I spoke to Mike yesterday and he promised a callback within 24 hours.",
    "La app se cierra cada vez que intento pagar con la tarjeta.",
    "Die App stürzt jedes Mal ab, wenn ich einen Beleg hochladen möchte.",
  };

  private CleanRedactBench() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("records", 20_000);
    List<Feedback> records = generate(n, new Random(7));
    long chars = records.stream().mapToLong(f -> f.turns().stream().mapToLong(t -> t.text().length()).sum()).sum();
    System.out.printf(Locale.ROOT, "clean+redact on %d generated records (avg %d chars of turns)%n", n, chars / n);
    run(records.subList(0, Math.min(2000, n)), 1); // warm-up
    for (int threads : new int[] {1, 2}) {
      long calls = dev.verbatim.pipeline.redact.PiiRedactor.recogniserCalls();
      double rate = run(records, threads);
      calls = dev.verbatim.pipeline.redact.PiiRedactor.recogniserCalls() - calls;
      System.out.printf(Locale.ROOT, "  %d thread(s): %,.0f records/s; %.3f sentences per record to the NER%n", threads, rate,
          calls / (double) records.size());
    }
  }

  private static double run(List<Feedback> records, int threads) throws Exception {
    Cleaner cleaner = Cleaner.withDefaults();
    PiiRedactor redactor = new PiiRedactor();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = records.size() * t / threads;
        int to = records.size() * (t + 1) / threads;
        parts.add(pool.submit(() -> {
          int ok = 0;
          for (Feedback f : records.subList(from, to)) {
            if (cleaner.apply(f) instanceof Outcome.Ok<Cleaned> c
                && redactor.apply(c.value()) instanceof Outcome.Ok<Redacted>) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> p : parts) p.get();
    } finally {
      pool.shutdown();
    }
    return records.size() / ((System.nanoTime() - start) / 1e9);
  }

  static List<Feedback> generate(int n, Random random) {
    List<Feedback> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Turn> turns = new ArrayList<>();
      int customerTurns = 1 + random.nextInt(3);
      for (int t = 0; t < customerTurns; t++) {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "<p>" : "");
        int sentences = 1 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) sb.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        if (random.nextInt(4) == 0) sb.append("\n\nThanks,\nDana Whitfield\nHead of Ops\n+1 415 555 0199");
        if (random.nextInt(4) == 0) sb.append("\n\nOn Tue, Mar 3, 2026 at 7:55 AM Support <support@example.com> wrote:\n> Hi Dana, sorry!");
        turns.add(Turn.customer(sb.toString()));
        turns.add(new Turn(Speaker.AGENT, "Hi Dana, sorry about that! The refund is on its way.", null));
      }
      out.add(new Feedback(new FeedbackId("bench", "r" + i), Channel.TICKET,
          Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i), turns, "acme", null, null, null,
          "Charged twice", Map.of()));
    }
    return out;
  }
}
