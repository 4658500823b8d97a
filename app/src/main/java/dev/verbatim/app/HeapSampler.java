package dev.verbatim.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples used heap every few milliseconds on a daemon thread and keeps the peak: the figure a
 * benchmark reports as "peak heap". Sampling may miss a peak shorter than the interval; it never
 * overstates one.
 */
public final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private HeapSampler(long intervalMillis) {
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("verbatim-heap-sampler")
            .start(
                () -> {
                  while (running) {
                    sample();
                    try {
                      Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** Starts sampling every {@code intervalMillis}. */
  public static HeapSampler start(long intervalMillis) {
    return new HeapSampler(intervalMillis);
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peak.accumulateAndGet(used, Math::max);
  }

  /** The highest used heap seen so far, in bytes. */
  public long peakBytes() {
    sample();
    return peak.get();
  }

  /** The heap's maximum size ({@code -Xmx}), in bytes. */
  public long maxBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
