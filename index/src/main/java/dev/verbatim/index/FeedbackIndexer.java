package dev.verbatim.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.StageFailure;
import dev.verbatim.pipeline.Turn;
import java.util.ArrayList;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's {@code index} stage: writes each {@link IndexRecord} into the Lucene index,
 * replacing any earlier version with the same {@code source/id}.
 *
 * <p>Thread-safe (Lucene's {@link IndexWriter} is). Commits every {@code commitEvery} records and on
 * {@link #close()}: a process killed mid-run leaves the last commit readable, and running again
 * completes the index without duplicates, because every write is an update by key. Holds the
 * index's write lock while open; a second writer fails at once with a message. {@link
 * #forRedacted()} gives the same stage over plain {@link Redacted} records (no sentiment, topics or
 * account facts).
 *
 * <p>Embeddings: a record {@link IndexRecord#withVector with a vector} is also written to the HNSW
 * vector field (declare the model first with {@link #vectorModel}). Re-indexing a record without
 * its vector drops it; a rebuild from stored fields reads it back with {@link VectorField#read}.
 */
public final class FeedbackIndexer implements Stage<IndexRecord, IndexRecord>, Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Longest keyword value accepted; Lucene's hard limit for a term is 32,766 bytes. */
  static final int MAX_KEYWORD_CHARS = 1024;

  private final IndexWriter writer;
  private final String runId;
  private final long commitEvery;
  private final AtomicLong sinceCommit = new AtomicLong();
  /** The encoder id of the index's vectors (from the last commit, or {@link #vectorModel}). */
  private volatile @Nullable String vectorModel;

  private FeedbackIndexer(IndexWriter writer, String runId, long commitEvery) {
    this.writer = writer;
    this.runId = runId;
    this.commitEvery = commitEvery;
    this.vectorModel = commitData(writer).get(VectorField.MODEL_KEY);
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new LinkedHashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
    return data;
  }

  /**
   * Declares the encoder (its {@link dev.verbatim.topics.embed.SentenceEncoder#id()}) whose vectors
   * {@link IndexRecord#withVector} carries; kept in the commit so searches encode with the same
   * model. Call before writing the first embedded record.
   *
   * @throws IllegalArgumentException if the index already holds vectors of another model
   */
  public synchronized void vectorModel(String encoderId) {
    String known = vectorModel;
    if (known != null && !known.equals(encoderId)) {
      throw new IllegalArgumentException(
          "the index's embeddings come from '" + known + "', not '" + encoderId + "': embed with '"
              + known + "' or use a new --workspace");
    }
    if (known == null) {
      Map<String, String> data = commitData(writer);
      data.put(VectorField.MODEL_KEY, encoderId);
      writer.setLiveCommitData(data.entrySet());
      vectorModel = encoderId;
    }
  }

  /**
   * Opens (or creates) the index in {@code dir} for writing.
   *
   * @param dir the index folder, e.g. {@code verbatim-data/index}
   * @param runId written into every record this indexer writes
   * @param commitEvery commit after this many records (a safe point for a crash), at least 1
   * @throws IOException if the index cannot be opened; the message says why (e.g. locked)
   */
  public static FeedbackIndexer open(Path dir, String runId, long commitEvery) throws IOException {
    if (commitEvery < 1) throw new IllegalArgumentException("commitEvery must be at least 1");
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(128);
    config.setCommitOnClose(true);
    // a commit (every commitEvery records) need not wait for merges of the segments it flushed:
    // they run in the background while indexing goes on
    config.setMaxFullFlushMergeWaitMillis(0);
    try {
      return new FeedbackIndexer(new IndexWriter(FSDirectory.open(dir), config), runId, commitEvery);
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "the index in " + dir + " is locked by another Verbatim process; wait for it to finish,"
              + " or use another --workspace",
          e);
    }
  }

  @Override
  public String name() {
    return "index";
  }

  @Override
  public Outcome<IndexRecord> apply(IndexRecord r) {
    if (r.vector() != null && vectorModel == null) {
      throw new IllegalStateException("declare the encoder with vectorModel(id) before writing embeddings");
    }
    String tooLong = tooLongKeyword(r);
    if (tooLong != null) {
      return Outcome.reject(
          Reason.BAD_FIELD,
          tooLong + " is longer than " + MAX_KEYWORD_CHARS + " characters; ids must be short keys");
    }
    try {
      writer.updateDocument(
          new Term(IndexSchema.KEY, IndexSchema.wellFormed(r.redacted().id().key())), toDocument(r));
      if (sinceCommit.incrementAndGet() % commitEvery == 0) writer.commit();
    } catch (IOException e) {
      throw new StageFailure("cannot write the index: " + e.getMessage(), e);
    }
    return Outcome.ok(r);
  }

  /**
   * This stage over plain {@link Redacted} records, for a pipeline without sentiment or topics: the
   * same writer, the same rejections.
   */
  public Stage<Redacted, Redacted> forRedacted() {
    return new Stage<>() {
      @Override
      public String name() {
        return FeedbackIndexer.this.name();
      }

      @Override
      public Outcome<Redacted> apply(Redacted r) {
        return switch (FeedbackIndexer.this.apply(IndexRecord.of(r))) {
          case Outcome.Ok<IndexRecord> ok -> Outcome.ok(r);
          case Outcome.Rejected<IndexRecord> no -> Outcome.reject(no.reason(), no.detail());
        };
      }
    };
  }

  /**
   * Rewrites every record in the index through {@code change} (e.g. new topic tags after a refit),
   * reading each back from its stored fields ({@link StoredRecords#read}) and writing the result by
   * key; the run id of the rewritten records becomes this indexer's. Reads a point-in-time view, so
   * records written meanwhile are not visited. Commits at the end.
   *
   * @return the number of records rewritten
   * @throws IOException if the index cannot be read or written
   */
  public long rewrite(java.util.function.UnaryOperator<IndexRecord> change) throws IOException {
    long[] n = {0};
    eachLiveDocument((leaf, stored, doc) -> {
      IndexRecord before = StoredRecords.read(stored.document(doc));
      float[] vector = VectorField.read(leaf, doc);
      if (vector != null) before = before.withVector(vector);
      IndexRecord r = change.apply(before);
      writer.updateDocument(new Term(IndexSchema.KEY, IndexSchema.wellFormed(r.redacted().id().key())), toDocument(r));
      n[0]++;
    });
    writer.commit();
    return n[0];
  }

  /** Visits every live document of a point-in-time view of what was written so far. */
  private void eachLiveDocument(LiveDocument visit) throws IOException {
    try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(writer)) {
      for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) visit.accept(leaf.reader(), stored, doc);
        }
      }
    }
  }

  @FunctionalInterface
  private interface LiveDocument {
    void accept(org.apache.lucene.index.LeafReader leaf, org.apache.lucene.index.StoredFields stored, int doc)
        throws IOException;
  }

  /**
   * Marks records this indexer's run wrote as near-duplicates: {@code links} maps a copy to its
   * original (the deduplicator's late links, found after the copy was indexed). Left alone: a copy
   * that is not in the index or was written by another run (this run quarantined it), one already
   * marked, and one whose original is not in the index (quarantined by a later stage: the copy is
   * then the only version of that complaint, and counts). Not committed here.
   *
   * @return the number of records marked
   * @throws IOException if the index cannot be read or written
   */
  public long relink(java.util.Map<dev.verbatim.pipeline.FeedbackId, dev.verbatim.pipeline.FeedbackId> links)
      throws IOException {
    if (links.isEmpty()) return 0;
    long n = 0;
    try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(writer)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(reader);
      // sorted, so the writes (and a crash between them) do not depend on hash order
      var copies = new java.util.ArrayList<>(links.keySet());
      copies.sort(java.util.Comparator.comparing(dev.verbatim.pipeline.FeedbackId::key));
      for (dev.verbatim.pipeline.FeedbackId copy : copies) {
        Term key = new Term(IndexSchema.KEY, IndexSchema.wellFormed(copy.key()));
        var hits = searcher.search(new org.apache.lucene.search.TermQuery(key), 1).scoreDocs;
        Term original = new Term(IndexSchema.KEY, IndexSchema.wellFormed(links.get(copy).key()));
        if (hits.length == 0 || searcher.count(new org.apache.lucene.search.TermQuery(original)) == 0) continue;
        int doc = hits[0].doc;
        var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
        int local = doc - leaf.docBase;
        Document stored = leaf.reader().storedFields().document(local);
        if (!runId.equals(stored.get(IndexSchema.RUN_ID))) continue;
        IndexRecord before = StoredRecords.read(stored);
        if (before.redacted().duplicateOf() != null) continue;
        float[] vector = VectorField.read(leaf.reader(), local);
        if (vector != null) before = before.withVector(vector);
        writer.updateDocument(key, toDocument(before.withDuplicateOf(links.get(copy))));
        n++;
      }
    }
    return n;
  }

  /**
   * Gives every record without an embedding one, in batches: {@code encode} gets up to {@code
   * batch} records and returns their vectors in order. The records keep the run id that wrote them
   * (embedding changes no content). Declare the model first ({@link #vectorModel}). Reads a
   * point-in-time view; commits every {@code batch * 64} records and at the end, so an interrupted
   * backfill keeps what it did and a second call carries on.
   *
   * @param progress called after each batch with the number of records embedded so far
   * @return the number of records embedded
   * @throws IOException if the index cannot be read or written
   */
  public long embedMissing(java.util.function.Function<List<IndexRecord>, List<float[]>> encode, int batch,
      java.util.function.LongConsumer progress) throws IOException {
    if (vectorModel == null) throw new IllegalStateException("declare the encoder with vectorModel(id) first");
    if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
    long[] n = {0};
    List<IndexRecord> records = new ArrayList<>(batch);
    List<String> runs = new ArrayList<>(batch);
    eachLiveDocument((leaf, stored, doc) -> {
      if (VectorField.read(leaf, doc) != null) return;
      Document d = stored.document(doc);
      records.add(StoredRecords.read(d));
      runs.add(d.get(IndexSchema.RUN_ID));
      if (records.size() == batch) {
        n[0] += writeEmbedded(records, runs, encode);
        progress.accept(n[0]);
        if (n[0] % (batch * 64L) == 0) writer.commit();
      }
    });
    if (!records.isEmpty()) {
      n[0] += writeEmbedded(records, runs, encode);
      progress.accept(n[0]);
    }
    writer.commit();
    return n[0];
  }

  private int writeEmbedded(List<IndexRecord> records, List<String> runs,
      java.util.function.Function<List<IndexRecord>, List<float[]>> encode) throws IOException {
    List<float[]> vectors = encode.apply(List.copyOf(records));
    if (vectors.size() != records.size()) {
      throw new IllegalStateException(vectors.size() + " vectors for " + records.size() + " records");
    }
    for (int i = 0; i < records.size(); i++) {
      IndexRecord r = records.get(i).withVector(vectors.get(i));
      String run = runs.get(i) == null ? runId : runs.get(i);
      writer.updateDocument(new Term(IndexSchema.KEY, IndexSchema.wellFormed(r.redacted().id().key())),
          toDocument(r, run));
    }
    int done = records.size();
    records.clear();
    runs.clear();
    return done;
  }

  /** The document this indexer writes for {@code r} (for tests of the stored round trip). */
  Document document(IndexRecord r) {
    return toDocument(r);
  }

  /** Makes everything written so far durable and visible to new readers. */
  public void commit() throws IOException {
    writer.commit();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private Document toDocument(IndexRecord ir) {
    return toDocument(ir, runId);
  }

  private Document toDocument(IndexRecord ir, String runId) {
    Redacted r = ir.redacted();
    Document d = new Document();
    d.add(new StringField(IndexSchema.KEY, IndexSchema.wellFormed(r.id().key()), Field.Store.NO));
    d.add(new StringField(IndexSchema.ID, IndexSchema.wellFormed(r.id().id()), Field.Store.YES));
    keyword(d, IndexSchema.SOURCE, r.id().source());
    keyword(d, IndexSchema.CHANNEL, r.channel().wireName());
    keyword(d, IndexSchema.LANGUAGE, r.language());
    keyword(d, IndexSchema.ACCOUNT, r.accountId());
    keyword(d, IndexSchema.SEGMENT, ir.segment());
    keyword(d, IndexSchema.PLAN, ir.plan());
    if (r.customerId() != null) {
      d.add(
          new StringField(
              IndexSchema.CUSTOMER, IndexSchema.wellFormed(r.customerId()), Field.Store.YES));
    }
    long millis = r.eventTime().toEpochMilli();
    d.add(new LongPoint(IndexSchema.EVENT_TIME, millis));
    d.add(new NumericDocValuesField(IndexSchema.EVENT_TIME, millis));
    d.add(new StoredField(IndexSchema.EVENT_TIME, millis));
    if (r.rating() != null) {
      d.add(new DoublePoint(IndexSchema.RATING, r.rating().value()));
      d.add(new DoubleDocValuesField(IndexSchema.RATING, r.rating().value()));
      d.add(new StoredField(IndexSchema.RATING, r.rating().value()));
      keyword(d, IndexSchema.RATING_SCALE, r.rating().scale().wireName());
    }
    if (ir.sentimentLabel() != null) {
      keyword(d, IndexSchema.SENTIMENT, ir.sentimentLabel());
      d.add(new DoublePoint(IndexSchema.SENTIMENT_SCORE, ir.sentimentScore()));
      d.add(new DoubleDocValuesField(IndexSchema.SENTIMENT_SCORE, ir.sentimentScore()));
      d.add(new StoredField(IndexSchema.SENTIMENT_SCORE, ir.sentimentScore()));
    }
    if (ir.sentimentLabel() != null && !Double.isNaN(ir.sentimentConfidence())) {
      d.add(new DoubleDocValuesField(IndexSchema.SENTIMENT_CONFIDENCE, ir.sentimentConfidence()));
      d.add(new StoredField(IndexSchema.SENTIMENT_CONFIDENCE, ir.sentimentConfidence()));
    }
    List<Map<String, Object>> tags = new ArrayList<>(ir.topics().size());
    for (TopicTag tag : ir.topics()) {
      String topic = IndexSchema.wellFormed(tag.id());
      d.add(new KeywordField(IndexSchema.TOPIC, topic, Field.Store.YES));
      if ("negative".equals(tag.sentiment())) {
        d.add(new KeywordField(IndexSchema.TOPIC_NEGATIVE, topic, Field.Store.NO));
      } else if ("positive".equals(tag.sentiment())) {
        d.add(new KeywordField(IndexSchema.TOPIC_POSITIVE, topic, Field.Store.NO));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", tag.id());
      m.put("weight", Math.round(tag.weight() * 1000) / 1000.0);
      if (tag.sentiment() != null) m.put("sentiment", tag.sentiment());
      tags.add(m);
    }
    if (!tags.isEmpty()) d.add(new StoredField(IndexSchema.TOPIC_TAGS, json(tags)));
    if (!ir.sentences().isEmpty()) {
      List<Object[]> marks = new ArrayList<>(ir.sentences().size());
      for (SentenceMark m : ir.sentences()) marks.add(new Object[] {m.start(), m.end(), m.sentiment(), m.score()});
      d.add(new StoredField(IndexSchema.SENTENCES, json(marks)));
    }
    if (!r.segments().isEmpty()) {
      List<int[]> segs = new ArrayList<>(r.segments().size());
      for (Cleaned.Segment g : r.segments()) segs.add(new int[] {g.turn(), g.line(), g.start(), g.end()});
      d.add(new StoredField(IndexSchema.SEGMENTS, json(segs)));
    }
    String text = IndexSchema.wellFormed(r.text());
    d.add(new TextField(IndexSchema.TEXT, text, Field.Store.YES));
    d.add(new TextField(IndexSchema.TEXT_EXACT, text, Field.Store.NO));
    if (r.subject() != null) {
      d.add(new TextField(IndexSchema.SUBJECT, IndexSchema.wellFormed(r.subject()), Field.Store.YES));
    }
    // A single customer turn holding the text (reviews, surveys, most tickets) is not stored
    // again: it would double the stored text, its JSON encoding and compression for nothing.
    if (!isJustTheText(r)) d.add(new StoredField(IndexSchema.TURNS, json(turns(r.turns()))));
    if (!r.meta().isEmpty()) d.add(new StoredField(IndexSchema.META, json(r.meta())));
    if (!r.pii().isEmpty()) d.add(new StoredField(IndexSchema.PII, json(r.pii())));
    if (r.duplicateOf() != null) {
      d.add(new NumericDocValuesField(IndexSchema.DUPLICATE, 1));
      d.add(
          new StringField(
              IndexSchema.DUPLICATE_OF, IndexSchema.wellFormed(r.duplicateOf().key()), Field.Store.YES));
    }
    d.add(new StringField(IndexSchema.RUN_ID, IndexSchema.wellFormed(runId), Field.Store.YES));
    if (ir.vector() != null) d.add(VectorField.field(ir.vector()));
    return d;
  }

  /**
   * Whether the record's turns are one customer turn, without a time, whose text is the record's
   * text: then {@link IndexSchema#TURNS} is left out, and a reader takes its absence to mean
   * exactly that turn.
   */
  static boolean isJustTheText(Redacted r) {
    if (r.turns().size() != 1) return false;
    Turn t = r.turns().get(0);
    return t.time() == null && t.speaker() == dev.verbatim.pipeline.Speaker.CUSTOMER && t.text().equals(r.text());
  }

  private static @Nullable String tooLongKeyword(IndexRecord ir) {
    Redacted r = ir.redacted();
    if (r.id().key().length() > MAX_KEYWORD_CHARS) return "source/id";
    if (tooLong(r.accountId())) return "account_id";
    if (tooLong(r.customerId())) return "customer_id";
    if (tooLong(r.language())) return "language";
    if (r.duplicateOf() != null && tooLong(r.duplicateOf().key())) return "duplicate_of";
    if (tooLong(ir.segment())) return "segment";
    if (tooLong(ir.plan())) return "plan";
    for (TopicTag t : ir.topics()) if (tooLong(t.id())) return "topic id";
    return null;
  }

  private static boolean tooLong(@Nullable String value) {
    return value != null && value.length() > MAX_KEYWORD_CHARS;
  }

  /** A single-valued keyword: filterable, faceted (sorted-set doc values) and stored. */
  private static void keyword(Document d, String field, @Nullable String value) {
    if (value == null) return;
    d.add(new KeywordField(field, IndexSchema.normalize(field, value), Field.Store.YES));
  }

  private static List<Map<String, Object>> turns(List<Turn> turns) {
    List<Map<String, Object>> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("speaker", t.speaker().wireName());
      m.put("text", t.text());
      if (t.time() != null) m.put("time", t.time().toString());
      out.add(m);
    }
    return out;
  }

  private static String json(Object value) {
    try {
      return IndexSchema.wellFormed(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
