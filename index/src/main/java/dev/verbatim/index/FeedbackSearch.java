package dev.verbatim.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches the index with Lucene query syntax over the redacted text (words, "phrases", boolean
 * operators, {@code field:value}).
 *
 * <p>Thread-safe: one instance serves concurrent searches over the commit it opened; open a new
 * one to see later commits.
 */
public final class FeedbackSearch implements Closeable {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private FeedbackSearch(DirectoryReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Opens the index in {@code dir} at its last commit.
   *
   * @throws IOException if there is no index there; the message says how to make one
   */
  public static FeedbackSearch open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no index in " + dir + ": run './verbatim run --input FILE' first");
    }
    try {
      return new FeedbackSearch(DirectoryReader.open(FSDirectory.open(dir)));
    } catch (IndexNotFoundException e) {
      throw new IOException("no index in " + dir + ": run './verbatim run --input FILE' first", e);
    }
  }

  /** How many records the index holds. */
  public int count() {
    return reader.numDocs();
  }

  /**
   * Finds records matching {@code query}; an empty query matches everything.
   *
   * @param query Lucene query syntax, default field the redacted text
   * @param limit at most this many hits, at least 1
   * @throws IllegalArgumentException if the query cannot be parsed; the message says what to fix
   */
  public SearchResult search(String query, int limit) throws IOException {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
    TopDocs top = searcher.search(parse(query), limit);
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      hits.add(
          new Hit(
              d.get(IndexSchema.ID),
              d.get(IndexSchema.SOURCE),
              d.get(IndexSchema.CHANNEL),
              Instant.ofEpochMilli(d.getField(IndexSchema.EVENT_TIME).numericValue().longValue()),
              d.get(IndexSchema.ACCOUNT),
              sd.score,
              d.get(IndexSchema.TEXT)));
    }
    return new SearchResult(top.totalHits.value(), hits);
  }

  private static Query parse(String query) {
    if (query.isBlank()) return new MatchAllDocsQuery();
    QueryParser parser = new QueryParser(IndexSchema.TEXT, IndexSchema.analyzer());
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(
          "cannot read the query '" + query + "': " + first
              + ". Check quotes and parentheses are balanced; escape special characters with \\",
          e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
