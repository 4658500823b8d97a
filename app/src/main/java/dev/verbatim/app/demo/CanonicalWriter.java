package dev.verbatim.app.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams canonical feedback records (shared/formats/feedback.md) for benchmarks: every record is
 * planned and written on its own from a random source seeded by its index, so memory stays flat,
 * record {@code i} is the same whatever {@code n}, and chunks can be generated in parallel.
 */
final class CanonicalWriter {
  private final DemoSettings settings;
  private final AccountBook book;
  private final Planner planner;

  CanonicalWriter(DemoSettings settings) {
    this.settings = settings;
    this.book = AccountBook.build(settings);
    this.planner = new Planner(settings, book);
  }

  /**
   * Writes records {@code 0..n-1} in order. Chunks of records are generated on {@code threads}
   * worker threads into byte buffers and written by the caller's thread in index order, so the file
   * is the same whatever the number of threads; at most {@code 2 * threads} chunks are in memory.
   */
  long write(OutputStream out, long n, int threads) throws IOException {
    if (threads <= 1) {
      try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
        g.setRootValueSeparator(null);
        writeRange(g, 0, n);
      }
      return n;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "verbatim-demo-gen-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
      long next = 0;
      while (next < n || !inFlight.isEmpty()) {
        while (next < n && inFlight.size() < 2 * threads) {
          long from = next;
          long to = Math.min(n, from + CHUNK);
          inFlight.add(pool.submit(() -> chunk(from, to)));
          next = to;
        }
        out.write(await(inFlight.removeFirst()));
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
    return n;
  }

  private static final int CHUNK = 2048;
  private static final JsonFactory JSON = new JsonFactory();
  private static final AtomicInteger THREADS = new AtomicInteger();

  private byte[] chunk(long from, long to) throws IOException {
    var buf = new ByteArrayOutputStream((int) (to - from) * 512);
    try (JsonGenerator g = JSON.createGenerator(buf, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      writeRange(g, from, to);
    }
    return buf.toByteArray();
  }

  private static byte[] await(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating records");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException("record generation failed", e.getCause());
    }
  }

  private void writeRange(JsonGenerator g, long from, long to) throws IOException {
    long base = settings.seed() * 0xD1B54A32D192ED03L;
    for (long i = from; i < to; i++) {
      record(g, i, new SplittableRandom(base + i * 0x632BE59BD9B4E019L));
      g.writeRaw('\n');
    }
  }

  private void record(JsonGenerator g, long i, SplittableRandom rnd) throws IOException {
    var it = new Planner.Item();
    int x = rnd.nextInt(100);
    it.ch = x < 30 ? Planner.Ch.TICKET : x < 58 ? Planner.Ch.CHAT : x < 82 ? Planner.Ch.REVIEW : Planner.Ch.SURVEY;
    it.time = planner.instant(settings.start(), settings.end(), rnd);
    if (it.ch == Planner.Ch.REVIEW && rnd.nextInt(100) < 8) {
      int l = rnd.nextInt(4);
      it.lang = l < 2 ? "es" : l == 2 ? "fr" : "de";
    }
    it.segs = planner.drawSegments(it, null, rnd);
    planner.finishItem(it, rnd);
    AccountBook.Account account = it.ch != Planner.Ch.REVIEW && rnd.nextInt(100) < 95
        ? book.accounts.get(rnd.nextInt(book.accounts.size())) : null;
    AccountBook.Person person = account != null ? account.people().get(rnd.nextInt(account.people().size())) : null;
    var text = new SplittableRandom(it.textSeed);
    var ctx = new Slots.Context(person != null ? person.first() : Slots.pick(Slots.FIRST_NAMES, text),
        Slots.pick(Slots.AGENTS, text), account != null ? account.name() : "our company");

    g.writeStartObject();
    String prefix = switch (it.ch) {
      case TICKET -> "T-";
      case CHAT -> "C-";
      case REVIEW -> "R-";
      case SURVEY -> "S-";
    };
    g.writeStringField("id", prefix + i);
    g.writeStringField("source", Labels.source(it.ch));
    g.writeStringField("channel", it.ch == Planner.Ch.TICKET ? "ticket" : it.ch == Planner.Ch.CHAT ? "chat"
        : it.ch == Planner.Ch.REVIEW ? "review" : "survey");
    g.writeStringField("event_time", ZendeskWriter.iso(it.time));
    if (account != null) g.writeStringField("account_id", account.id());
    if (person != null) g.writeStringField("customer_id", "u-" + person.userId());
    switch (it.ch) {
      case TICKET -> {
        Theme primary = it.segs.get(0).theme();
        String subject = Voice.finish(primary.subjects().get(text.nextInt(primary.subjects().size())).expand(text, Slots.filler(ctx)));
        g.writeStringField("subject", subject.endsWith(".") ? subject.substring(0, subject.length() - 1) : subject);
        g.writeArrayFieldStart("turns");
        turn(g, "customer", Voice.customer(it.segs, it.length, Voice.Style.TICKET, it.pii, ctx, text));
        turn(g, "agent", Voice.agent(it.segs.get(0), ctx, text));
        if (text.nextInt(3) == 0) turn(g, "customer", Voice.followUp(!it.sentiment.equals("negative"), Voice.Style.TICKET, ctx, text));
        g.writeEndArray();
      }
      case CHAT -> {
        g.writeArrayFieldStart("turns");
        if (text.nextBoolean()) turn(g, "bot", Voice.line("_bot", ctx, text));
        turn(g, "customer", Voice.customer(it.segs, it.length, Voice.Style.CHAT, it.pii, ctx, text));
        turn(g, "agent", Voice.agent(it.segs.get(0), ctx, text));
        g.writeEndArray();
      }
      case REVIEW -> {
        g.writeStringField("text", it.lang.equals("en")
            ? Voice.customer(it.segs, it.length, Voice.Style.REVIEW, it.pii, ctx, text)
            : Voice.foreign(it.segs, it.lang, text));
        g.writeNumberField("rating", it.rating);
        g.writeStringField("rating_scale", "stars");
      }
      case SURVEY -> {
        g.writeStringField("text", Voice.customer(it.segs, it.length, Voice.Style.SURVEY, it.pii, ctx, text));
        g.writeNumberField("rating", it.rating);
        g.writeStringField("rating_scale", "nps");
      }
    }
    g.writeStringField("language", it.lang);
    g.writeEndObject();
  }

  private static void turn(JsonGenerator g, String speaker, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("speaker", speaker);
    g.writeStringField("text", text);
    g.writeEndObject();
  }
}
