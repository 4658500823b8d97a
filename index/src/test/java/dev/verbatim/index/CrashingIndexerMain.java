package dev.verbatim.index;

import dev.verbatim.pipeline.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Child process for {@link CrashRecoveryTest}: indexes records {@code 0..n-1} with a commit every
 * {@code commitEvery}, prints {@code COMMITTED} after the first commit, then slows down so the
 * parent can kill it mid-run. Never closes the writer on purpose.
 */
public final class CrashingIndexerMain {
  private CrashingIndexerMain() {}

  /** Args: index dir, record count, commit interval. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int commitEvery = Integer.parseInt(args[2]);
    FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-crash", commitEvery);
    for (int i = 0; i < n; i++) {
      ix.apply(record(i));
      if (i + 1 == commitEvery) {
        System.out.println("COMMITTED");
        System.out.flush();
      }
      if (i + 1 > commitEvery) Thread.sleep(1);
    }
    System.out.println("FINISHED (the parent should have killed us)");
    System.out.flush();
    Runtime.getRuntime().halt(3);
  }

  /** Record {@code i}: the same for every process. */
  static IndexRecord record(int i) {
    return IndexRecord.of(
            Fixtures.redacted(
                "crash", String.format(Locale.ROOT, "R-%05d", i), Channel.TICKET,
                "2026-03-01T00:00:00Z", "acct-" + (i % 7), null, "en",
                "record number " + i + " about billing and refunds"))
        .withTopics(List.of("t" + (i % 3)));
  }
}
