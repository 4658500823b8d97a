package dev.verbatim.validation.queue;

import dev.verbatim.validation.SentimentLabel;
import java.nio.file.Path;
import java.time.Instant;

/** Child process for {@link DurabilityTest}: saves one label, says so, then waits to be killed. */
public final class SaveThenHang {
  private SaveThenHang() {}

  /** args: db path, item id. */
  public static void main(String[] args) throws Exception {
    ReviewQueue q = ReviewQueue.open(Path.of(args[0]));
    long itemId = Long.parseLong(args[1]);
    q.save(itemId, Label.sentiment("killed", SentimentLabel.POSITIVE, Instant.now()));
    System.out.println("SAVED");
    System.out.flush();
    Thread.sleep(60_000); // never closes the connection: killed while holding it open
  }
}
