package dev.verbatim.index;

import static java.util.Objects.requireNonNull;

import dev.verbatim.topics.embed.SentenceEncoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.jspecify.annotations.Nullable;

/**
 * Searches the index: Lucene query syntax over the redacted text (words, "phrases", boolean
 * operators, wildcards, {@code field:value}, ranges on {@code event_time} and {@code rating}),
 * filters on every facet, sort by relevance or time, paging, facet counts, a time histogram,
 * highlighted snippets and "more like this"; and, on an index with embeddings, semantic search
 * ({@link SearchRequest#semantic}, {@link SearchRequest#similarTo}): filtered kNN over the HNSW
 * vector field, fused with the words by reciprocal rank fusion when a query is given too.
 *
 * <p>Thread-safe: one instance serves concurrent searches over the commit it opened; open a new one
 * to see later commits. A search runs on up to two threads of its own. Facets and histograms cost
 * one pass over the matching documents, reading per-segment columns built on the first such search
 * (about 30 bytes per record); stored fields are read for the returned page only.
 */
public final class FeedbackSearch implements Closeable {
  /** Relevance-sorted searches count hits exactly up to here, then ask for an exact count. */
  private static final int TOTAL_HITS_THRESHOLD = 1000;
  /** Longest stretch of a record the highlighter reads: highlights come from the first 10,000 chars. */
  private static final int HIGHLIGHT_MAX_LENGTH = 10_000;
  /** Longest highlight, in visible characters: a record with no sentence breaks stays readable. */
  static final int HIGHLIGHT_MAX_CHARS = 400;
  /** Threads one search may use: segments (or parts of one) are searched in parallel. */
  private static final int SEARCH_THREADS =
      Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  /** Passages per highlight. */
  private static final int PASSAGES = 2;

  private static final Set<String> HIT_FIELDS =
      Set.of(
          IndexSchema.ID, IndexSchema.SOURCE, IndexSchema.CHANNEL, IndexSchema.EVENT_TIME,
          IndexSchema.ACCOUNT, IndexSchema.SENTIMENT, IndexSchema.SENTIMENT_SCORE, IndexSchema.TOPIC,
          IndexSchema.SUBJECT, IndexSchema.TEXT);

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = IndexSchema.analyzer();
  private final UnifiedHighlighter highlighter;

  private final Columns[] columns;
  private final ExecutorService executor;
  private final @Nullable SentenceEncoder encoder;
  private final @Nullable String vectorModel;
  private final long vectorCount;
  private final int vectorDimension;

  private FeedbackSearch(DirectoryReader reader, @Nullable SentenceEncoder encoder) throws IOException {
    this.reader = reader;
    this.encoder = encoder;
    this.vectorModel = VectorField.model(reader);
    this.vectorCount = VectorField.count(reader);
    this.vectorDimension = VectorField.dimension(reader);
    this.columns = new Columns[reader.leaves().size()];
    AtomicInteger threadNo = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            SEARCH_THREADS,
            r -> {
              Thread t = new Thread(r, "verbatim-search-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.searcher =
        new IndexSearcher(reader, executor) {
          @Override
          protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            // one slice per thread even for a single big segment (intra-segment partitions)
            int perSlice = Math.max(50_000, reader.maxDoc() / SEARCH_THREADS + 1);
            return slices(leaves, perSlice, 16, true);
          }
        };
    this.highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaxLength(HIGHLIGHT_MAX_LENGTH)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 160, 0.5f))
            .build();
  }

  /**
   * Opens the index in {@code dir} at its last commit.
   *
   * @throws IOException if there is no index there; the message says how to make one
   */
  public static FeedbackSearch open(Path dir) throws IOException {
    return open(dir, null);
  }

  /**
   * Opens the index in {@code dir} at its last commit, with {@code encoder} to embed the text of
   * {@link SearchRequest#semantic} searches; it must be the model the index's vectors came from
   * ({@link #vectorModel()}). Without an encoder, {@link SearchRequest#similarTo} still works.
   *
   * @throws IOException if there is no index there; the message says how to make one
   */
  public static FeedbackSearch open(Path dir, @Nullable SentenceEncoder encoder) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no index in " + dir + ": run './verbatim run --input FILE' first");
    }
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(FSDirectory.open(dir));
    } catch (IndexNotFoundException e) {
      throw new IOException("no index in " + dir + ": run './verbatim run --input FILE' first", e);
    }
    try {
      return new FeedbackSearch(reader, encoder);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * The id of the encoder the index's embeddings came from (e.g. {@code all-minilm-l6-v2-q}), or
   * {@code null} if the index holds none.
   */
  public @Nullable String vectorModel() {
    return vectorCount == 0 ? null : vectorModel;
  }

  /** How many records carry an embedding. */
  public long vectorCount() {
    return vectorCount;
  }

  /**
   * The encoder the index was declared to embed with, even if no record carries an embedding now
   * (every embedded record re-indexed by runs with {@code --no-embed}), or {@code null} if never.
   */
  public @Nullable String declaredVectorModel() {
    return vectorModel;
  }

  /**
   * The stored embedding (unit length) of the record {@code key} ({@code source/id} or a unique
   * id), or {@code null} if it was indexed without one.
   *
   * @throws IllegalArgumentException if no record has that key
   */
  public float @Nullable [] vector(String key) throws IOException {
    return vectorOf(findOne(key));
  }

  private float @Nullable [] vectorOf(int doc) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    return VectorField.read(leaf.reader(), doc - leaf.docBase);
  }

  /**
   * The cosine at or above which a semantic search counts a record (total, facets, histogram) when
   * the request names none: per model, since their similarity scales differ. On the
   * SemanticSearchTest records and three queries, MiniLM scored related pairs 0.52-0.78 and
   * unrelated ones -0.01-0.40; bge-small 0.73-0.88 against 0.36-0.69 (index README).
   */
  public static double defaultMinSimilarity(@Nullable String model) {
    if (model != null && model.startsWith("bge")) return 0.7;
    return 0.5;
  }

  /** How many records the index holds. */
  public int count() {
    return reader.numDocs();
  }

  /**
   * Finds records matching {@code query}, best first; an empty query matches everything.
   *
   * @param query Lucene query syntax, default field the redacted text
   * @param limit at most this many hits, at least 1
   * @throws IllegalArgumentException if the query cannot be parsed; the message says what to fix
   */
  public SearchResult search(String query, int limit) throws IOException {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
    return search(SearchRequest.of(query, limit));
  }

  /**
   * Runs one search.
   *
   * @throws IllegalArgumentException if the query cannot be parsed, names an unknown field or a bad
   *     date or number, or {@code moreLikeThis} names no record; the message says what to fix
   */
  public SearchResult search(SearchRequest request) throws IOException {
    if (request.isSemantic()) return semanticSearch(request);
    Query textQuery = parse(request.query());
    Query query = withFilters(request, textQuery);

    // a page never needs more slots than the index has documents: "--limit 1000000" lists all
    int window = (int) Math.min((long) request.offset() + request.limit(), reader.maxDoc());
    boolean aggregate = request.facets() || request.histogram() != null;
    List<CollectorManager<?, ?>> managers = new ArrayList<>();
    if (window > 0) managers.add(topDocs(request.sort(), window));
    if (aggregate) {
      managers.add(new Aggregator(this::columns, request.facets(), request.histogram() != null));
    }

    TopDocs top = null;
    Aggregator.Counts counts = null;
    long total;
    if (managers.isEmpty()) {
      total = searcher.count(query);
    } else {
      Object[] results;
      try {
        results =
            searcher.search(
                query, multi(managers));
      } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
        throw new IllegalArgumentException(
            "the query '" + request.query() + "' expands to too many terms; make wildcards,"
                + " regular expressions and fuzzy terms more specific",
            e);
      }
      int i = 0;
      if (window > 0) top = (TopDocs) results[i++];
      if (aggregate) counts = (Aggregator.Counts) results[i];
      if (counts != null) {
        total = counts.total();
      } else if (top.totalHits.relation() == TotalHits.Relation.EQUAL_TO) {
        total = top.totalHits.value();
      } else {
        total = searcher.count(query);
      }
    }

    List<Hit> hits =
        top == null ? List.of() : hits(top, request, highlightable(request, textQuery) ? query : null);
    return result(request, total, hits, counts);
  }

  /** The result of {@code request}: its hits, and the facets and histogram it asked for. */
  private static SearchResult result(
      SearchRequest request, long total, List<Hit> hits, Aggregator.@Nullable Counts counts) {
    return new SearchResult(
        total,
        hits,
        counts == null || !request.facets() ? Map.of() : counts.facets(),
        counts == null || request.histogram() == null
            ? List.of()
            : counts.days().buckets(request.histogram()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // MultiCollectorManager takes a generic varargs array
  private static MultiCollectorManager multi(List<CollectorManager<?, ?>> managers) {
    return new MultiCollectorManager(managers.toArray(new CollectorManager[0]));
  }

  private static boolean highlightable(SearchRequest request, Query textQuery) {
    return request.highlight()
        && (request.moreLikeThis() != null || !(textQuery instanceof MatchAllDocsQuery));
  }

  private static CollectorManager<?, ?> topDocs(
      SearchRequest.Sort sort, int window) {
    // when the aggregator counts every match, the top-docs collector need not: it may skip
    // non-competitive documents (e.g. older ones when sorting by time) once it has its page
    int threshold = TOTAL_HITS_THRESHOLD;
    return switch (sort) {
      case RELEVANCE -> new TopScoreDocCollectorManager(window, threshold);
      case TIME_DESC ->
          new TopFieldCollectorManager(
              new Sort(new SortField(IndexSchema.EVENT_TIME, SortField.Type.LONG, true)),
              window,
              threshold);
      case TIME_ASC ->
          new TopFieldCollectorManager(
              new Sort(new SortField(IndexSchema.EVENT_TIME, SortField.Type.LONG, false)),
              window,
              threshold);
    };
  }

  private Query withFilters(SearchRequest request, Query textQuery) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(textQuery, Occur.MUST);
    if (request.moreLikeThis() != null) {
      Liked liked = liked(request.moreLikeThis());
      b.add(liked.query(), Occur.MUST);
      b.add(IndexSchema.keywordQuery(IndexSchema.KEY, List.of(liked.key())), Occur.MUST_NOT);
    }
    addFilters(b, request);
    return b.build();
  }

  /** Adds {@code request}'s filters, time and rating bounds as FILTER clauses; true if any. */
  private static boolean addFilters(BooleanQuery.Builder b, SearchRequest request) {
    boolean any = !request.filters().isEmpty();
    request
        .filters()
        .forEach(
            (field, values) -> b.add(IndexSchema.keywordQuery(field, values), Occur.FILTER));
    if (request.since() != null || request.until() != null) {
      any = true;
      long lo = request.since() == null ? Long.MIN_VALUE : request.since().toEpochMilli();
      long hi = request.until() == null ? Long.MAX_VALUE : request.until().toEpochMilli() - 1;
      b.add(
          new IndexOrDocValuesQuery(
              LongPoint.newRangeQuery(IndexSchema.EVENT_TIME, lo, hi),
              NumericDocValuesField.newSlowRangeQuery(IndexSchema.EVENT_TIME, lo, hi)),
          Occur.FILTER);
    }
    if (request.ratingMin() != null || request.ratingMax() != null) {
      any = true;
      double lo = request.ratingMin() == null ? Double.NEGATIVE_INFINITY : request.ratingMin();
      double hi = request.ratingMax() == null ? Double.POSITIVE_INFINITY : request.ratingMax();
      b.add(DoublePoint.newRangeQuery(IndexSchema.RATING, lo, hi), Occur.FILTER);
    }
    return any;
  }

  /** Ranks fused in hybrid search, from each of the keyword and the vector ranking. */
  private static final int FUSION_DEPTH = 100;
  /** Reciprocal rank fusion's constant (Cormack et al. 2009): a rank r adds 1 / (60 + r). */
  private static final int RRF_K = 60;

  private static final String NO_VECTORS =
      "the index holds no embeddings, so it cannot search by meaning: run './verbatim embed' to embed the"
          + " records it has (or './verbatim run --input FILE --embed' for new ones), or search by words";

  /**
   * Semantic search: hits are the nearest records by cosine among those passing the filters
   * (filtered HNSW kNN), fused with the keyword ranking by reciprocal rank fusion when the request
   * also has a query. {@code total}, facets and histogram count every record passing the filters
   * whose cosine is at least the minimum similarity (plus, in hybrid mode, every keyword match):
   * the kNN page alone would make counts depend on the page size.
   */
  private SearchResult semanticSearch(SearchRequest request) throws IOException {
    if (vectorCount == 0) throw new IllegalArgumentException(NO_VECTORS);
    float[] target;
    String self = null;
    if (request.similarTo() != null) {
      int doc = findOne(request.similarTo());
      target = vectorOf(doc);
      Document d = searcher.storedFields().document(doc, Set.of(IndexSchema.SOURCE, IndexSchema.ID));
      self = d.get(IndexSchema.SOURCE) + "/" + d.get(IndexSchema.ID);
      if (target == null) {
        throw new IllegalArgumentException(
            "record '" + request.similarTo() + "' has no embedding (it was indexed without --embed);"
                + " re-run its input with --embed, or use a record that has one");
      }
    } else {
      target = encode(requireNonNull(request.semantic()));
    }

    BooleanQuery.Builder fb = new BooleanQuery.Builder();
    boolean filtered = addFilters(fb, request);
    if (self != null) {
      fb.add(IndexSchema.keywordQuery(IndexSchema.KEY, List.of(self)), Occur.MUST_NOT);
      filtered = true;
    }
    fb.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER); // a pure MUST_NOT query would match nothing
    Query filter = filtered ? fb.build() : null;
    Query textQuery = request.query().isBlank() ? null : parse(request.query());
    Query keywordQuery = null;
    if (textQuery != null) {
      BooleanQuery.Builder kb = new BooleanQuery.Builder().add(textQuery, Occur.MUST);
      if (filter != null) kb.add(filter, Occur.FILTER);
      keywordQuery = kb.build();
    }

    int window = (int) Math.min((long) request.offset() + request.limit(), reader.maxDoc());
    TopDocs top = null;
    if (window > 0) {
      int depth = textQuery == null ? window : Math.max(window, FUSION_DEPTH);
      TopDocs nearest = searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, target, depth, filter), depth);
      if (textQuery == null) {
        for (ScoreDoc sd : nearest.scoreDocs) sd.score = VectorField.cosine(sd.score);
        top = nearest;
      } else {
        top = fuse(nearest, searchKeywords(keywordQuery, request.query(), depth), window);
      }
    }

    double minCosine =
        request.minSimilarity() != null ? request.minSimilarity() : defaultMinSimilarity(vectorModel);
    Query near =
        new FloatVectorSimilarityQuery.Explicit(
            IndexSchema.VECTOR, target, VectorField.score(minCosine), filter);
    Query counted =
        keywordQuery == null
            ? near
            : new BooleanQuery.Builder()
                .add(near, Occur.SHOULD)
                .add(keywordQuery, Occur.SHOULD)
                .build();
    Aggregator.Counts counts = null;
    long total;
    if (request.facets() || request.histogram() != null) {
      counts =
          searcher.search(
              counted, new Aggregator(this::columns, request.facets(), request.histogram() != null));
      total = counts.total();
    } else {
      total = searcher.count(counted);
    }
    List<Hit> hits =
        top == null
            ? List.of()
            : hits(top, request, request.highlight() && textQuery != null ? keywordQuery : null);
    return result(request, total, hits, counts);
  }

  private TopDocs searchKeywords(Query query, String text, int depth) throws IOException {
    try {
      return searcher.search(query, depth);
    } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
      throw new IllegalArgumentException(
          "the query '" + text + "' expands to too many terms; make wildcards,"
              + " regular expressions and fuzzy terms more specific",
          e);
    }
  }

  /** Reciprocal rank fusion of two rankings, best {@code window} first; ties by doc id. */
  static TopDocs fuse(TopDocs a, TopDocs b, int window) {
    Map<Integer, Float> fused = new LinkedHashMap<>();
    for (TopDocs ranking : List.of(a, b)) {
      for (int r = 0; r < ranking.scoreDocs.length; r++) {
        fused.merge(ranking.scoreDocs[r].doc, 1f / (RRF_K + r + 1), Float::sum);
      }
    }
    ScoreDoc[] all =
        fused.entrySet().stream()
            .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
            .sorted((x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc))
            .limit(window)
            .toArray(ScoreDoc[]::new);
    return new TopDocs(new TotalHits(fused.size(), TotalHits.Relation.EQUAL_TO), all);
  }

  private float[] encode(String text) {
    if (encoder == null) {
      throw new IllegalStateException(
          "this search was opened without a sentence encoder; open it with FeedbackSearch.open(dir,"
              + " encoder) using model '" + vectorModel + "'");
    }
    if (vectorModel != null && !vectorModel.equals(encoder.id())) {
      throw new IllegalArgumentException(
          "the index's embeddings come from '" + vectorModel + "' but the encoder is '" + encoder.id()
              + "'; search with the same model");
    }
    float[] v = encoder.encode(List.of(text)).get(0);
    if (v.length != vectorDimension) {
      throw new IllegalArgumentException(
          "the encoder makes " + v.length + "-dimensional vectors, the index holds " + vectorDimension);
    }
    return VectorField.checked(v);
  }

  private record Liked(String key, Query query) {}

  /** The "more like this" query for the record {@code key} names. */
  private Liked liked(String key) throws IOException {
    int doc = findOne(key);
    Document d = searcher.storedFields().document(doc, Set.of(IndexSchema.SOURCE, IndexSchema.ID, IndexSchema.TEXT));
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {IndexSchema.TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    String text = d.get(IndexSchema.TEXT);
    Query q = mlt.like(IndexSchema.TEXT, new StringReader(text == null ? "" : text));
    return new Liked(d.get(IndexSchema.SOURCE) + "/" + d.get(IndexSchema.ID), q);
  }

  private int findOne(String key) throws IOException {
    TopDocs byKey = searcher.search(IndexSchema.keywordQuery(IndexSchema.KEY, List.of(key)), 1);
    if (byKey.scoreDocs.length == 1) return byKey.scoreDocs[0].doc;
    TopDocs byId = searcher.search(IndexSchema.keywordQuery(IndexSchema.ID, List.of(key)), 2);
    if (byId.scoreDocs.length == 1) return byId.scoreDocs[0].doc;
    if (byId.scoreDocs.length > 1) {
      throw new IllegalArgumentException(
          "more than one record has id '" + key + "'; name it as source/id");
    }
    throw new IllegalArgumentException(
        "no record '" + key + "' to find records like; give its source/id as search results show it");
  }

  private List<Hit> hits(TopDocs top, SearchRequest request, @Nullable Query highlightQuery)
      throws IOException {
    int from = Math.min(request.offset(), top.scoreDocs.length);
    int to = (int) Math.min((long) request.offset() + request.limit(), top.scoreDocs.length);
    ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, to);
    String[] highlights = new String[page.length];
    if (highlightQuery != null && page.length > 0) {
      int[] docs = new int[page.length];
      for (int i = 0; i < page.length; i++) docs[i] = page[i].doc;
      highlights =
          highlighter
              .highlightFields(
                  new String[] {IndexSchema.TEXT}, highlightQuery, docs, new int[] {PASSAGES})
              .get(IndexSchema.TEXT);
    }
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = stored.document(page[i].doc, HIT_FIELDS);
      IndexableField score = d.getField(IndexSchema.SENTIMENT_SCORE);
      float relevance = page[i].score;
      hits.add(
          new Hit(
              d.get(IndexSchema.ID),
              d.get(IndexSchema.SOURCE),
              d.get(IndexSchema.CHANNEL),
              Instant.ofEpochMilli(d.getField(IndexSchema.EVENT_TIME).numericValue().longValue()),
              d.get(IndexSchema.ACCOUNT),
              d.get(IndexSchema.SENTIMENT),
              score == null ? null : score.numericValue().doubleValue(),
              Arrays.asList(d.getValues(IndexSchema.TOPIC)),
              Float.isNaN(relevance) ? null : relevance,
              highlights[i] == null ? null : clip(highlights[i], HIGHLIGHT_MAX_CHARS),
              d.get(IndexSchema.SUBJECT),
              d.get(IndexSchema.TEXT)));
    }
    return hits;
  }

  /**
   * Cuts an escaped, marked highlight to {@code max} visible characters, never inside a tag or an
   * entity, closing an open {@code <mark>}.
   */
  static String clip(String html, int max) {
    int visible = 0;
    boolean inMark = false;
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        if (close < 0) break;
        inMark = !html.startsWith("</", i);
        i = close + 1;
        continue;
      }
      if (visible >= max) {
        return html.substring(0, i) + (inMark ? "</mark>" : "") + " …";
      }
      if (c == '&') {
        int semi = html.indexOf(';', i);
        i = semi < 0 ? i + 1 : semi + 1;
      } else {
        i++;
      }
      visible++;
    }
    return html;
  }

  private Query parse(String query) {
    if (query.isBlank()) return MatchAllDocsQuery.INSTANCE;
    checkBalanced(query);
    try {
      return new SchemaQueryParser(analyzer).parse(query);
    } catch (TooComplexToDeterminizeException e) {
      throw new IllegalArgumentException(
          "the query '" + query + "' has a regular expression or wildcard too complex to run;"
              + " simplify it",
          e);
    } catch (ParseException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(
          "cannot read the query '" + query + "': " + first
              + ". Check quotes and parentheses are balanced; escape special characters with \\",
          e);
    }
  }

  /** Catches the commonest mistakes before the parser, with a plainer message than its own. */
  private static void checkBalanced(String query) {
    int quotes = 0;
    int depth = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quotes++;
      } else if (quotes % 2 == 0 && (c == '(' || c == ')')) {
        depth += c == '(' ? 1 : -1;
        if (depth < 0) break;
      }
    }
    if (quotes % 2 != 0) {
      throw new IllegalArgumentException(
          "the query '" + query + "' has unbalanced quotes: close the phrase with \" or search for"
              + " a literal quote as \\\"");
    }
    if (depth != 0) {
      throw new IllegalArgumentException(
          "the query '" + query + "' has unbalanced parentheses: every ( needs a matching )");
    }
  }

  /**
   * Calls {@code sink} with the facts of every record matching {@code request}'s query, filters,
   * time and rating bounds (paging, sort, facets and highlighting are ignored), segment by segment
   * in index order, on the calling thread. Reads doc values only, about a second per million
   * records, unless {@code withStored} also asks for each record's key and redacted text.
   *
   * @throws IllegalArgumentException if the query cannot be parsed; the message says what to fix
   */
  public void scan(SearchRequest request, boolean withStored, Consumer<RecordFacts> sink)
      throws IOException {
    Query query = searcher.rewrite(withFilters(request, parse(request.query())));
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    Set<String> storedFields = Set.of(IndexSchema.SOURCE, IndexSchema.ID, IndexSchema.TEXT);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) continue;
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      FactColumns c = new FactColumns(r);
      StoredFields stored = withStored ? r.storedFields() : null;
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        String key = null;
        String text = null;
        if (stored != null) {
          Document d = stored.document(doc, storedFields);
          key = d.get(IndexSchema.SOURCE) + "/" + d.get(IndexSchema.ID);
          text = d.get(IndexSchema.TEXT);
        }
        sink.accept(c.facts(doc, key, text));
      }
    }
  }

  /** One segment's doc values, read forward doc by doc for {@link #scan}. */
  private static final class FactColumns {
    private final SortedSetDocValues source, channel, language, account, segment, plan, sentiment,
        scale, topic, negative, positive;
    private final NumericDocValues time, score, confidence, rating, duplicate;
    private final java.util.Map<SortedSetDocValues, java.util.Map<Long, String>> names =
        new java.util.IdentityHashMap<>();

    FactColumns(LeafReader r) throws IOException {
      source = DocValues.getSortedSet(r, IndexSchema.SOURCE);
      channel = DocValues.getSortedSet(r, IndexSchema.CHANNEL);
      language = DocValues.getSortedSet(r, IndexSchema.LANGUAGE);
      account = DocValues.getSortedSet(r, IndexSchema.ACCOUNT);
      segment = DocValues.getSortedSet(r, IndexSchema.SEGMENT);
      plan = DocValues.getSortedSet(r, IndexSchema.PLAN);
      sentiment = DocValues.getSortedSet(r, IndexSchema.SENTIMENT);
      scale = DocValues.getSortedSet(r, IndexSchema.RATING_SCALE);
      topic = DocValues.getSortedSet(r, IndexSchema.TOPIC);
      negative = DocValues.getSortedSet(r, IndexSchema.TOPIC_NEGATIVE);
      positive = DocValues.getSortedSet(r, IndexSchema.TOPIC_POSITIVE);
      time = DocValues.getNumeric(r, IndexSchema.EVENT_TIME);
      score = DocValues.getNumeric(r, IndexSchema.SENTIMENT_SCORE);
      confidence = DocValues.getNumeric(r, IndexSchema.SENTIMENT_CONFIDENCE);
      rating = DocValues.getNumeric(r, IndexSchema.RATING);
      duplicate = DocValues.getNumeric(r, IndexSchema.DUPLICATE);
    }

    RecordFacts facts(int doc, @Nullable String key, @Nullable String text) throws IOException {
      Instant when = time.advanceExact(doc) ? Instant.ofEpochMilli(time.longValue()) : null;
      return new RecordFacts(
          key, text, one(source, doc), one(channel, doc), one(language, doc), one(account, doc),
          one(segment, doc), one(plan, doc), when, one(sentiment, doc), real(score, doc),
          real(confidence, doc), all(topic, doc), all(negative, doc), all(positive, doc),
          real(rating, doc), one(scale, doc), duplicate.advanceExact(doc) && duplicate.longValue() != 0);
    }

    private @Nullable String one(SortedSetDocValues dv, int doc) throws IOException {
      if (!dv.advanceExact(doc)) return null;
      return name(dv, dv.nextOrd());
    }

    private List<String> all(SortedSetDocValues dv, int doc) throws IOException {
      if (!dv.advanceExact(doc)) return List.of();
      int n = dv.docValueCount();
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) out.add(name(dv, dv.nextOrd()));
      return out;
    }

    private String name(SortedSetDocValues dv, long ord) throws IOException {
      java.util.Map<Long, String> cache = names.computeIfAbsent(dv, k -> new java.util.HashMap<>());
      String s = cache.get(ord);
      if (s == null) {
        s = dv.lookupOrd(ord).utf8ToString();
        cache.put(ord, s);
      }
      return s;
    }

    private static @Nullable Double real(NumericDocValues dv, int doc) throws IOException {
      return dv.advanceExact(doc) ? Double.longBitsToDouble(dv.longValue()) : null;
    }
  }

  /**
   * The record stored under {@code key} ({@code source/id}), everything the index keeps of it: the
   * redacted text and turns, sentences with their sentiment, topics with theirs, account facts.
   * Empty if the index has no such record. The vector, if any, is not included.
   */
  public java.util.Optional<IndexRecord> record(String key) throws IOException {
    TopDocs top = searcher.search(IndexSchema.keywordQuery(IndexSchema.KEY, List.of(key)), 1);
    if (top.scoreDocs.length == 0) return java.util.Optional.empty();
    return java.util.Optional.of(StoredRecords.read(searcher.storedFields().document(top.scoreDocs[0].doc)));
  }

  /** The columns of {@code leaf}, built on first use; segments of this reader never change. */
  private Columns columns(LeafReaderContext leaf) throws IOException {
    Columns[] cache = columns;
    synchronized (cache) {
      Columns c = cache[leaf.ord];
      if (c == null) {
        c = Columns.build(leaf.reader());
        cache[leaf.ord] = c;
      }
      return c;
    }
  }

  @Override
  public void close() throws IOException {
    executor.shutdownNow();
    reader.close();
  }
}
