package dev.verbatim.app;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.topics.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The record embeddings behind semantic search: what text of a record is embedded, which model an
 * index's embeddings come from, and the backfill of records indexed without one ({@code verbatim
 * embed}). A run embeds with {@code --embed}, and keeps embedding with the index's model once the
 * index has embeddings.
 */
public final class Embeddings {
  /** Longest stretch of subject + text embedded: about MiniLM's 256-token training window. */
  static final int MAX_CHARS = 1000;

  /** Records per encoder call in a backfill (spread over the encoder's threads). */
  private static final int BATCH = 64;

  private Embeddings() {}

  /** The text embedded for a record: subject and text, the first {@value #MAX_CHARS} chars. */
  static String text(Redacted r) {
    String text = r.subject() == null || r.subject().isBlank() ? r.text() : r.subject() + ". " + r.text();
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  /**
   * What a workspace's index holds.
   *
   * @param model the model the index embeds with (declared by the first embedding run), or null
   */
  public record Coverage(long records, long embedded, @Nullable String model) {
    /** Records without an embedding. */
    public long missing() {
      return Math.max(0, records - embedded);
    }
  }

  /**
   * How many of the index's records have embeddings, and from which model.
   *
   * @throws IOException if there is no index yet, saying how to make one
   */
  public static Coverage coverage(Workspace workspace) throws IOException {
    requireIndex(workspace);
    try (FeedbackSearch s = FeedbackSearch.open(workspace.index())) {
      return new Coverage(s.count(), s.vectorCount(), s.declaredVectorModel());
    }
  }

  private static void requireIndex(Workspace workspace) throws IOException {
    if (!Files.isDirectory(workspace.index())) {
      throw new IOException("no index in " + workspace.index() + ": run `./verbatim run --input FILE --workspace "
          + workspace.root() + "` first");
    }
  }

  /**
   * Embeds every record of the index that has none, with {@code encoder}.
   *
   * @param progress gets the number of records embedded so far
   * @return the number of records embedded
   * @throws IllegalArgumentException if the index's embeddings come from another model
   */
  public static long backfill(Workspace workspace, SentenceEncoder encoder, LongConsumer progress)
      throws IOException {
    requireIndex(workspace); // do not create an empty one
    try (FeedbackIndexer indexer = FeedbackIndexer.open(workspace.index(), "embed", Long.MAX_VALUE)) {
      indexer.vectorModel(encoder.id());
      return indexer.embedMissing(
          batch -> encoder.encode(batch.stream().map(r -> text(r.redacted())).toList()), BATCH, progress);
    }
  }
}
