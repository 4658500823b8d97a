package dev.verbatim.pipeline.run;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Rejection;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.StageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs inputs through a {@link Pipeline} on several worker threads and reports what every stage
 * did.
 *
 * <p>One thread (the caller's) reads the inputs in order. Ingest rejections are quarantined right
 * there; each record that parsed is routed by a hash of its {@link FeedbackId} to one of {@code
 * workers} threads, which call every stage in order. Queues are bounded ({@code batchSize} records
 * times a few batches per worker), so memory does not grow with the number of records.
 *
 * <p>A stage that returns {@link Outcome.Rejected}, or throws on a record, has that record
 * quarantined ({@link Reason#INTERNAL} for a throw, logged once with the id and stack trace) and the
 * run goes on. A {@link StageFailure} stops the run. The finished report is checked: if its counts
 * do not add up the run fails with {@link IllegalStateException}.
 *
 * <p>A runner is cheap and holds no state between runs; use one per run.
 */
public final class PipelineRunner {
  /** The name of the first stage in every report. */
  public static final String INGEST = "ingest";

  private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);
  private static final int QUEUED_BATCHES_PER_WORKER = 4;
  private static final List<Envelope> POISON = List.of();

  private final int workers;
  private final int batchSize;

  /**
   * A runner.
   *
   * @param workers worker threads, at least 1 (usually the number of cores)
   * @param batchSize records handed to a worker at a time, at least 1
   */
  public PipelineRunner(int workers, int batchSize) {
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1: " + workers);
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    this.workers = workers;
    this.batchSize = batchSize;
  }

  /** A runner with one worker per available core and batches of 256. */
  public static PipelineRunner defaults() {
    return new PipelineRunner(Runtime.getRuntime().availableProcessors(), 256);
  }

  /**
   * Runs every input through {@code pipeline}.
   *
   * @param runId the run's id, written into the report and the quarantine entries
   * @param inputs the files to read, in order
   * @param pipeline the stages after ingest
   * @param quarantine where rejected records go
   * @param progress hears how far reading has come
   * @return the run report; it adds up
   * @throws IOException if an input cannot be read at all (missing, unreadable)
   * @throws StageFailure if a stage failed outside any one record
   * @throws IllegalStateException if the counts do not add up (a bug; the report says where)
   */
  public RunReport run(
      String runId,
      List<Input> inputs,
      Pipeline<?> pipeline,
      QuarantineWriter quarantine,
      ProgressListener progress)
      throws IOException {
    requireNonNull(runId, "runId");
    for (Input in : inputs) {
      if (!Files.isReadable(in.file().path())) {
        throw new IOException("cannot read input " + in.file().name() + ": no such file, or no permission");
      }
    }
    MDC.put("run", runId);
    try {
      return doRun(runId, inputs, pipeline, quarantine, progress);
    } finally {
      MDC.remove("run");
    }
  }

  private RunReport doRun(
      String runId,
      List<Input> inputs,
      Pipeline<?> pipeline,
      QuarantineWriter quarantine,
      ProgressListener progress)
      throws IOException {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    long quarantinedBefore = quarantine.written(); // the caller may share the file with side inputs
    List<Counter> counters = new ArrayList<>();
    Counter ingest = new Counter(INGEST);
    counters.add(ingest);
    for (Stage<?, ?> s : pipeline.stages()) counters.add(new Counter(s.name()));

    long totalBytes = 0; // before any worker starts: an I/O error here must not strand threads
    for (Input in : inputs) totalBytes += Files.size(in.file().path());
    AtomicReference<@Nullable Throwable> fatal = new AtomicReference<>();
    List<BlockingQueue<List<Envelope>>> queues = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      BlockingQueue<List<Envelope>> q = new ArrayBlockingQueue<>(QUEUED_BATCHES_PER_WORKER);
      queues.add(q);
      Worker worker = new Worker(q, pipeline.stages(), counters, quarantine, fatal, runId);
      Thread t = Thread.ofPlatform().name("verbatim-worker-" + w).unstarted(worker);
      threads.add(t);
      t.start();
    }

    List<InputReport> inputReports = new ArrayList<>();
    Reading reading = new Reading(queues, ingest, quarantine, fatal, progress, inputs, totalBytes);
    try {
      for (Input in : inputs) {
        long before = ingest.in.sum();
        long rejectedBefore = ingest.rejected.sum();
        long t0 = System.nanoTime();
        long blockedBefore = reading.blockedNanos;
        in.reader().read(in.file(), reading::accept);
        // ingest's time is reading and parsing, not waiting for busy workers (backpressure)
        ingest.nanos.add(System.nanoTime() - t0 - (reading.blockedNanos - blockedBefore));
        inputReports.add(
            new InputReport(
                in.file().name(),
                in.reader().format(),
                ingest.in.sum() - before,
                ingest.rejected.sum() - rejectedBefore));
        if (fatal.get() != null) break;
      }
      reading.flush();
    } catch (Stop stop) {
      // a worker failed; fall through to join and rethrow its failure
    } finally {
      for (BlockingQueue<List<Envelope>> q : queues) putQuietly(q, POISON);
      for (Thread t : threads) joinQuietly(t);
    }
    Throwable failure = fatal.get();
    if (failure instanceof StageFailure sf) throw sf;
    if (failure != null) throw new StageFailure("a worker failed: " + failure, failure);

    double wall = (System.nanoTime() - startNanos) / 1e9;
    List<StageReport> stages = counters.stream().map(Counter::report).toList();
    RunReport report =
        new RunReport(
            runId,
            started,
            Instant.now(),
            wall,
            workers,
            inputReports,
            stages,
            List.of(),
            quarantine.file().toString(),
            quarantine.written() - quarantinedBefore,
            Map.of());
    for (StageReport s : stages) {
      log.info(
          "stage {}: in={} out={} rejected={} ({} s)",
          s.name(),
          s.in(),
          s.out(),
          s.rejected(),
          String.format(java.util.Locale.ROOT, "%.2f", s.seconds()));
    }
    List<String> problems = report.inconsistencies();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("run " + runId + " does not add up: " + String.join("; ", problems));
    }
    return report;
  }

  private static void putQuietly(BlockingQueue<List<Envelope>> q, List<Envelope> batch) {
    boolean interrupted = false;
    while (true) {
      try {
        q.put(batch);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** A record on its way through the workers: its original bytes and its current value. */
  private record Envelope(RawRecord raw, FeedbackId id, Object value) {}

  /** Thrown inside the reading callback to stop reading once a worker has failed. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** Per-stage counts, updated from all threads. */
  private static final class Counter {
    final String name;
    final LongAdder in = new LongAdder();
    final LongAdder out = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final Map<Reason, LongAdder> byReason = new EnumMap<>(Reason.class);

    Counter(String name) {
      this.name = name;
      for (Reason r : Reason.values()) byReason.put(r, new LongAdder());
    }

    void reject(Reason reason) {
      rejected.increment();
      byReason.get(reason).increment();
    }

    StageReport report() {
      Map<String, Long> reasons = new java.util.TreeMap<>();
      byReason.forEach((r, n) -> {
        if (n.sum() > 0) reasons.put(r.name(), n.sum());
      });
      return new StageReport(name, in.sum(), out.sum(), rejected.sum(), nanos.sum() / 1e9, reasons);
    }
  }

  /** The reading side: quarantines ingest rejections, batches the rest per worker. */
  private final class Reading {
    private final List<BlockingQueue<List<Envelope>>> queues;
    private final List<List<Envelope>> pending = new ArrayList<>();
    private final Counter ingest;
    private final QuarantineWriter quarantine;
    private final AtomicReference<@Nullable Throwable> fatal;
    private final ProgressListener progress;
    private final List<Input> inputs;
    private final long totalBytes;
    private long records;
    long blockedNanos; // time spent waiting on a full worker queue; read on the same thread

    Reading(
        List<BlockingQueue<List<Envelope>>> queues,
        Counter ingest,
        QuarantineWriter quarantine,
        AtomicReference<@Nullable Throwable> fatal,
        ProgressListener progress,
        List<Input> inputs,
        long totalBytes) {
      this.queues = queues;
      this.ingest = ingest;
      this.quarantine = quarantine;
      this.fatal = fatal;
      this.progress = progress;
      this.inputs = inputs;
      this.totalBytes = totalBytes;
      for (int i = 0; i < queues.size(); i++) pending.add(new ArrayList<>(batchSize));
    }

    void accept(RawRecord raw, Outcome<Feedback> outcome) {
      if (fatal.get() != null) throw new Stop();
      ingest.in.increment();
      switch (outcome) {
        case Outcome.Rejected<Feedback> r -> {
          ingest.reject(r.reason());
          quarantine.write(new Rejection(INGEST, r.reason(), r.detail(), null, raw));
        }
        case Outcome.Ok<Feedback> ok -> {
          ingest.out.increment();
          FeedbackId id = ok.value().id();
          int w = Math.floorMod(id.hashCode(), queues.size());
          List<Envelope> batch = pending.get(w);
          batch.add(new Envelope(raw, id, ok.value()));
          if (batch.size() >= batchSize) {
            long t0 = System.nanoTime();
            putQuietly(queues.get(w), batch);
            blockedNanos += System.nanoTime() - t0;
            pending.set(w, new ArrayList<>(batchSize));
          }
        }
      }
      if (++records % 1024 == 0) reportProgress();
    }

    void flush() {
      for (int w = 0; w < queues.size(); w++) {
        if (!pending.get(w).isEmpty()) putQuietly(queues.get(w), pending.get(w));
        pending.set(w, new ArrayList<>());
      }
      reportProgress();
    }

    private void reportProgress() {
      long bytes = 0;
      for (Input in : inputs) bytes += in.file().bytesRead().sum();
      progress.progress(records, bytes, totalBytes);
    }
  }

  /** Takes batches from its queue and calls every stage on each record. */
  private static final class Worker implements Runnable {
    private final BlockingQueue<List<Envelope>> queue;
    private final List<Stage<?, ?>> stages;
    private final List<Counter> counters;
    private final QuarantineWriter quarantine;
    private final AtomicReference<@Nullable Throwable> fatal;
    private final String runId;

    Worker(
        BlockingQueue<List<Envelope>> queue,
        List<Stage<?, ?>> stages,
        List<Counter> counters,
        QuarantineWriter quarantine,
        AtomicReference<@Nullable Throwable> fatal,
        String runId) {
      this.queue = queue;
      this.stages = stages;
      this.counters = counters;
      this.quarantine = quarantine;
      this.fatal = fatal;
      this.runId = runId;
    }

    @Override
    public void run() {
      MDC.put("run", runId);
      try {
        while (true) {
          List<Envelope> batch = queue.take();
          if (batch == POISON) return;
          if (fatal.get() != null) continue; // drain without work so the reader never blocks
          for (Envelope e : batch) process(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) { // StageFailure, or an Error: stop the whole run
        fatal.compareAndSet(null, t);
        drain();
      }
    }

    /** After a failure, keep taking batches so the reader is never blocked on a full queue. */
    private void drain() {
      try {
        while (queue.take() != POISON) {
          // discard
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void process(Envelope e) {
      Object value = e.value();
      for (int i = 0; i < stages.size(); i++) {
        Stage stage = stages.get(i);
        Counter c = counters.get(i + 1);
        c.in.increment();
        long t0 = System.nanoTime();
        Outcome<?> outcome;
        try {
          outcome = stage.apply(value);
          if (outcome == null) {
            throw new NullPointerException("stage " + stage.name() + " returned null");
          }
        } catch (StageFailure f) {
          throw f; // the run stops; no report is made, so the counts need not add up
        } catch (RuntimeException | StackOverflowError ex) {
          c.nanos.add(System.nanoTime() - t0);
          log.error("stage {} failed on a record of {} line {}; quarantined as INTERNAL", stage.name(),
              e.raw().file(), e.raw().line(), StageFailure.withoutMessage(ex));
          c.reject(Reason.INTERNAL);
          quarantine.write(
              new Rejection(
                  stage.name(),
                  Reason.INTERNAL,
                  "stage " + stage.name() + " failed on this record (" + ex.getClass().getSimpleName()
                      + "); this is a bug in Verbatim, please report it with the run log",
                  e.id(),
                  e.raw()));
          return;
        }
        c.nanos.add(System.nanoTime() - t0);
        switch (outcome) {
          case Outcome.Ok<?> ok -> {
            c.out.increment();
            value = ok.value();
          }
          case Outcome.Rejected<?> r -> {
            c.reject(r.reason());
            quarantine.write(new Rejection(stage.name(), r.reason(), r.detail(), e.id(), e.raw()));
            return;
          }
        }
      }
    }
  }
}
