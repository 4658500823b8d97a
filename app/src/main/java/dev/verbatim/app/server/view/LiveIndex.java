package dev.verbatim.app.server.view;

import dev.verbatim.index.FeedbackSearch;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.lucene.index.SegmentInfos;

/**
 * The workspace's index as the server sees it: the last commit, reopened when a new one appears (a
 * new run, a topic merge or split re-tagging the index), checked at most once every {@value
 * #CHECK_MILLIS} ms. A replaced reader is closed a while later, so requests already using it
 * finish. Thread-safe.
 */
public final class LiveIndex implements Supplier<FeedbackSearch>, Closeable {
  static final long CHECK_MILLIS = 2_000;
  private static final long CLOSE_AFTER_SECONDS = 60;

  private final Path dir;
  private final LongSupplier clock;
  private final ScheduledExecutorService closer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "verbatim-index-closer");
        t.setDaemon(true);
        return t;
      });
  private volatile FeedbackSearch current;
  private volatile long generation;
  private volatile long checked;

  /** Opens the index in {@code dir} at its last commit. */
  public LiveIndex(Path dir, LongSupplier clock) throws IOException {
    this.dir = dir;
    this.clock = clock;
    this.generation = generation();
    this.current = FeedbackSearch.open(dir);
    this.checked = clock.getAsLong();
  }

  @Override
  public FeedbackSearch get() {
    long now = clock.getAsLong();
    if (now - checked >= CHECK_MILLIS) {
      checked = now;
      try {
        refresh();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reopen the index in " + dir, e);
      }
    }
    return current;
  }

  /** Reopens now if the index has a newer commit; returns whether it did. */
  public synchronized boolean refresh() throws IOException {
    long g = generation();
    if (g == generation) return false;
    FeedbackSearch fresh = FeedbackSearch.open(dir);
    FeedbackSearch old = current;
    current = fresh;
    generation = g;
    closer.schedule(() -> {
      try {
        old.close();
      } catch (IOException ignored) {
        // a reader that fails to close holds no lock and no unsaved data
      }
    }, CLOSE_AFTER_SECONDS, TimeUnit.SECONDS);
    return true;
  }

  private long generation() {
    String[] files = dir.toFile().list();
    return files == null ? -1 : SegmentInfos.getLastCommitGeneration(files);
  }

  @Override
  public synchronized void close() throws IOException {
    closer.shutdownNow();
    current.close();
  }
}
