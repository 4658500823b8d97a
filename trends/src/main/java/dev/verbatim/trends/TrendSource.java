package dev.verbatim.trends;

import dev.verbatim.index.RecordFacts;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where trends read feedback facts from: the seam between the statistics and the index. {@link
 * IndexTrendSource} reads a Lucene index; {@link InMemoryTrendSource} a list.
 */
public interface TrendSource {
  /**
   * Calls {@code sink} with every record written before {@code until} (all when {@code null}), in
   * no particular order, without key or text.
   */
  void scan(@Nullable Instant until, Consumer<RecordFacts> sink) throws IOException;

  /**
   * Up to {@code n} recent records about {@code topic} written in {@code [since, until)}, with
   * distinct texts, near-duplicates left out where the source knows them: those that speak for the
   * topic first ({@link VerbatimChoice}: main and only topic, a readable length), newest first
   * within that.
   *
   * @param polarity {@code "negative"} or {@code "positive"} for records whose sentences about the
   *     topic carry that sentiment, {@code null} for any
   */
  List<Verbatim> verbatims(String topic, @Nullable String polarity, @Nullable Instant since, @Nullable Instant until, int n)
      throws IOException;
}
