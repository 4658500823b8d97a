package dev.verbatim.app.cli;

import dev.verbatim.pipeline.run.ProgressListener;
import java.io.Closeable;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on stderr for a long step: bytes read of the total (hence the ETA) and records/s.
 * Silent when stderr is not a terminal (CI, pipes) or when asked to be quiet.
 */
final class TerminalProgress implements ProgressListener, Closeable {
  private final @Nullable ProgressBar bar;
  private final long startNanos = System.nanoTime();

  private TerminalProgress(@Nullable ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar titled {@code task}, or a silent listener off a terminal or when {@code quiet}. */
  static TerminalProgress start(String task, boolean quiet) {
    if (quiet || !isTerminal() || System.getenv("CI") != null || System.getenv("VERBATIM_NO_PROGRESS") != null) {
      return new TerminalProgress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(1)
            .setUnit(" MiB", 1L << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setMaxRenderedLength(100)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .showSpeed()
            .build();
    return new TerminalProgress(bar);
  }

  @Override
  public void progress(long records, long bytesRead, long totalBytes) {
    if (bar == null) return;
    bar.maxHint(Math.max(totalBytes, 1));
    bar.stepTo(Math.min(bytesRead, Math.max(totalBytes, 1)));
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    bar.setExtraMessage(
        String.format(Locale.ROOT, "%,d records, %,.0f rec/s", records, records / seconds));
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }

  /** Whether stderr goes to a terminal; {@code Console.isTerminal()} exists from Java 22 on. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only when attached to a terminal
    }
  }
}
