package dev.verbatim.app.server.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.index.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Reads a record's stored fields by its {@code key} term. Thread-safe; opens the index at its last
 * commit once. Lucene types stay inside this class (seam: see {@link RecordView}).
 */
public final class LuceneRecordView implements RecordView, Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> TURNS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> META = new TypeReference<>() {};

  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private LuceneRecordView(DirectoryReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /** Opens the index in {@code dir}. */
  public static LuceneRecordView open(Path dir) throws IOException {
    return new LuceneRecordView(DirectoryReader.open(FSDirectory.open(dir)));
  }

  @Override
  public Optional<RecordDetail> record(String key) throws IOException {
    int slash = key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1) {
      throw new IllegalArgumentException("a record key is SOURCE/ID, e.g. zendesk/T-1042; got '" + key + "'");
    }
    TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.KEY, key)), 1);
    if (top.scoreDocs.length == 0) return Optional.empty();
    Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
    String turns = d.get(IndexSchema.TURNS);
    String meta = d.get(IndexSchema.META);
    return Optional.of(new RecordDetail(
        key,
        str(d, IndexSchema.SOURCE),
        str(d, IndexSchema.ID),
        str(d, IndexSchema.CHANNEL),
        Instant.ofEpochMilli(num(d, IndexSchema.EVENT_TIME).longValue()),
        d.get(IndexSchema.LANGUAGE),
        d.get(IndexSchema.ACCOUNT),
        d.get(IndexSchema.SEGMENT),
        d.get(IndexSchema.PLAN),
        dbl(d, IndexSchema.RATING),
        d.get(IndexSchema.RATING_SCALE),
        d.get(IndexSchema.SENTIMENT),
        dbl(d, IndexSchema.SENTIMENT_SCORE),
        Arrays.asList(d.getValues(IndexSchema.TOPIC)),
        d.get(IndexSchema.SUBJECT),
        str(d, IndexSchema.TEXT),
        turns == null ? List.of() : JSON.readValue(turns, TURNS),
        List.of(),
        meta == null ? Map.of() : JSON.readValue(meta, META),
        d.get(IndexSchema.DUPLICATE_OF),
        d.get(IndexSchema.RUN_ID)));
  }

  private static String str(Document d, String field) {
    String v = d.get(field);
    return v == null ? "" : v;
  }

  private static Number num(Document d, String field) {
    IndexableField f = d.getField(field);
    Number n = f == null ? null : f.numericValue();
    return n == null ? 0 : n;
  }

  private static @Nullable Double dbl(Document d, String field) {
    IndexableField f = d.getField(field);
    Number n = f == null ? null : f.numericValue();
    return n == null ? null : n.doubleValue();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
