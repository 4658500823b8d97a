package dev.verbatim.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The index's fields. Stored fields are only those a hit shows; points serve range queries; doc
 * values serve sorting, faceting and aggregation. Every field name is also its name in the query
 * syntax ({@code channel:ticket}, {@code event_time:[2026-03-01 TO 2026-03-31]}); {@code exact} is
 * accepted for {@value #TEXT_EXACT}, {@code time} for {@value #EVENT_TIME} and {@code scale} for
 * {@value #RATING_SCALE}.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>indexed as</th><th>holds</th></tr>
 *   <tr><td>{@value #KEY}</td><td>keyword</td><td>{@code source/id}: the update key</td></tr>
 *   <tr><td>{@value #ID}</td><td>keyword (no doc values), stored</td><td>the record's id within its source</td></tr>
 *   <tr><td>{@value #SOURCE}, {@value #CHANNEL}, {@value #LANGUAGE}, {@value #ACCOUNT},
 *       {@value #SEGMENT}, {@value #PLAN}, {@value #SENTIMENT}, {@value #RATING_SCALE}</td>
 *       <td>keyword, sorted-set doc values (facets), stored</td><td>filters and facets; one value each</td></tr>
 *   <tr><td>{@value #TOPIC}</td><td>keyword, sorted-set doc values, stored</td><td>topic ids, several per record</td></tr>
 *   <tr><td>{@value #TOPIC_NEGATIVE}, {@value #TOPIC_POSITIVE}</td><td>keyword, sorted-set doc values</td>
 *       <td>topic ids whose sentences were negative (positive): topic-level sentiment</td></tr>
 *   <tr><td>{@value #TOPIC_TAGS}</td><td>stored only</td><td>topics with weight and sentiment as JSON</td></tr>
 *   <tr><td>{@value #SENTENCES}, {@value #SEGMENTS}</td><td>stored only</td><td>sentences with offsets,
 *       sentiment label and score; source segments of the text (JSON)</td></tr>
 *   <tr><td>{@value #SENTIMENT_CONFIDENCE}</td><td>double doc values, stored</td><td>calibrated probability the sentiment label is right</td></tr>
 *   <tr><td>{@value #DUPLICATE}</td><td>numeric doc values</td><td>1 for a near-duplicate (trends count it once)</td></tr>
 *   <tr><td>{@value #EVENT_TIME}</td><td>long point, numeric doc values, stored</td><td>epoch milliseconds (UTC) when the customer wrote</td></tr>
 *   <tr><td>{@value #RATING}</td><td>double point, doc values, stored</td><td>the score that came with the text</td></tr>
 *   <tr><td>{@value #SENTIMENT_SCORE}</td><td>double doc values, stored</td><td>document sentiment score as the scorer gave it</td></tr>
 *   <tr><td>{@value #TEXT}</td><td>English analyzer (stemmed), stored</td><td>redacted customer text</td></tr>
 *   <tr><td>{@value #TEXT_EXACT}</td><td>standard tokenizer, no lowercasing or stemming</td><td>same text, for exact and case-sensitive matches</td></tr>
 *   <tr><td>{@value #SUBJECT}</td><td>English analyzer, stored</td><td>redacted subject or title</td></tr>
 *   <tr><td>{@value #TURNS}, {@value #META}, {@value #PII}</td><td>stored only</td><td>redacted turns, meta and PII spans as JSON, for display;
 *       no {@value #TURNS} means one customer turn holding {@value #TEXT}</td></tr>
 *   <tr><td>{@value #CUSTOMER}, {@value #DUPLICATE_OF}, {@value #RUN_ID}</td><td>keyword (no doc values), stored</td>
 *       <td>the (masked) customer; {@code source/id} of the record this near-duplicates; the run that wrote it last</td></tr>
 *   <tr><td>{@value #VECTOR}</td><td>float vector (HNSW graph, dot product of unit vectors = cosine), optional</td>
 *       <td>sentence embedding of subject and text for semantic search ({@code run --embed}); the
 *       model's id is in the commit's user data ({@link VectorField})</td></tr>
 * </table>
 *
 * <p>Keyword values are exact and case-sensitive, except {@value #CHANNEL}, {@value #SENTIMENT},
 * {@value #LANGUAGE} and {@value #RATING_SCALE}, which are lower case in the index and lowered in
 * queries and filters.
 */
public final class IndexSchema {
  /** {@code source/id}, the update key. */
  public static final String KEY = "key";
  /** The record's id within its source. */
  public static final String ID = "id";
  /** Where the record came from, e.g. {@code zendesk}. */
  public static final String SOURCE = "source";
  /** ticket, chat, review or survey. */
  public static final String CHANNEL = "channel";
  /** BCP-47 language tag, or {@code und}. */
  public static final String LANGUAGE = "language";
  /** The customer account id. */
  public static final String ACCOUNT = "account";
  /** The account's segment from accounts.csv, e.g. {@code enterprise}. */
  public static final String SEGMENT = "segment";
  /** The account's plan from accounts.csv, e.g. {@code pro}. */
  public static final String PLAN = "plan";
  /** The person, masked if it was personal data. */
  public static final String CUSTOMER = "customer";
  /** Document sentiment label: negative, neutral or positive. */
  public static final String SENTIMENT = "sentiment";
  /** Document sentiment score. */
  public static final String SENTIMENT_SCORE = "sentiment_score";
  /** Topic ids, multi-valued. */
  public static final String TOPIC = "topic";
  /** Event time, epoch milliseconds UTC. */
  public static final String EVENT_TIME = "event_time";
  /** Rating value. */
  public static final String RATING = "rating";
  /** Rating scale: nps, csat, ces or stars. */
  public static final String RATING_SCALE = "rating_scale";
  /** Redacted customer text, English analysis. */
  public static final String TEXT = "text";
  /** Redacted customer text, exact tokens. */
  public static final String TEXT_EXACT = "text_exact";
  /** Redacted subject or title. */
  public static final String SUBJECT = "subject";
  /** Redacted turns as JSON, stored only. */
  public static final String TURNS = "turns";
  /** Redacted meta as JSON, stored only. */
  public static final String META = "meta";
  /** PII placeholder spans as JSON, stored only. */
  public static final String PII = "pii";
  /** {@code source/id} of the record this one near-duplicates. */
  public static final String DUPLICATE_OF = "duplicate_of";
  /** The run that wrote the record last. */
  public static final String RUN_ID = "run_id";
  /** Calibrated probability that the document sentiment label is right. */
  public static final String SENTIMENT_CONFIDENCE = "sentiment_confidence";
  /** Topic ids raised by negative sentences of the record (topic-level sentiment). */
  public static final String TOPIC_NEGATIVE = "topic_negative";
  /** Topic ids raised by positive sentences of the record (topic-level sentiment). */
  public static final String TOPIC_POSITIVE = "topic_positive";
  /** The record's topics with weight and sentiment, as JSON, for display. */
  public static final String TOPIC_TAGS = "topic_tags";
  /** The text's sentences with offsets and sentiment, as JSON, stored only (display, re-tagging). */
  public static final String SENTENCES = "sentences";
  /** Where each line of the text came from (turn, line, offsets), as JSON, stored only. */
  public static final String SEGMENTS = "segments";
  /** 1 when the record near-duplicates an earlier one (numeric doc values only): counted once. */
  public static final String DUPLICATE = "duplicate";
  /** Sentence embedding of the record (unit length), for semantic search; absent unless embedded. */
  public static final String VECTOR = "vector";

  /** How a field can be queried. */
  enum Kind {
    TEXT,
    KEYWORD,
    TIME,
    NUMBER
  }

  /** The single-valued keyword fields; {@link #TOPIC} is the multi-valued one. */
  static final List<String> SINGLE_KEYWORDS =
      List.of(SOURCE, CHANNEL, LANGUAGE, ACCOUNT, SEGMENT, PLAN, SENTIMENT, RATING_SCALE);

  /** Keyword fields whose values are lower case in the index and lowered in queries. */
  static final Set<String> LOWER_CASED = Set.of(CHANNEL, SENTIMENT, LANGUAGE, RATING_SCALE);

  /** The facets a search can count, in the order results list them. */
  static final List<String> FACETS = List.of(CHANNEL, SENTIMENT, TOPIC, SEGMENT, LANGUAGE, SOURCE);

  private static final Map<String, Kind> QUERYABLE = new HashMap<>();
  private static final Map<String, String> ALIASES =
      Map.of("exact", TEXT_EXACT, "time", EVENT_TIME, "scale", RATING_SCALE, "topics", TOPIC);

  static {
    for (String f : List.of(TEXT, TEXT_EXACT, SUBJECT)) QUERYABLE.put(f, Kind.TEXT);
    for (String f : SINGLE_KEYWORDS) QUERYABLE.put(f, Kind.KEYWORD);
    for (String f : List.of(KEY, ID, TOPIC, TOPIC_NEGATIVE, TOPIC_POSITIVE, CUSTOMER, DUPLICATE_OF, RUN_ID)) {
      QUERYABLE.put(f, Kind.KEYWORD);
    }
    QUERYABLE.put(EVENT_TIME, Kind.TIME);
    QUERYABLE.put(RATING, Kind.NUMBER);
    QUERYABLE.put(SENTIMENT_SCORE, Kind.NUMBER);
  }

  private IndexSchema() {}

  /** The analyzer for every field: English for text and subject, exact for the rest. */
  public static Analyzer analyzer() {
    Analyzer exact =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
          }
        };
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(TEXT_EXACT, exact);
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    QUERYABLE.forEach((f, k) -> {
      if (k == Kind.KEYWORD) perField.put(f, keyword);
    });
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
  }

  /**
   * Resolves a field name typed in a query (aliases included) to the index field.
   *
   * @throws IllegalArgumentException naming the known fields, if {@code name} is none of them
   */
  static String queryField(String name) {
    String f = ALIASES.getOrDefault(name, name);
    if (!QUERYABLE.containsKey(f)) {
      throw new IllegalArgumentException(
          "unknown field '" + name + "' in the query; use one of " + String.join(", ", knownFields())
              + " (or put the word in quotes to search for it as text)");
    }
    return f;
  }

  /** How {@code field} (already resolved) is queried. */
  static Kind kind(String field) {
    return QUERYABLE.get(field);
  }

  /** The field names a query may use, sorted. */
  static List<String> knownFields() {
    return QUERYABLE.keySet().stream().filter(f -> !f.equals(KEY)).sorted().toList();
  }

  /**
   * Keyword fields indexed without doc values: unique or per-run values nobody facets or sorts on
   * ({@link #KEY}, {@link #ID}, {@link #CUSTOMER}, {@link #DUPLICATE_OF}, {@link #RUN_ID}). Doc
   * values for a million unique ids would cost indexing time and disk for nothing.
   */
  static final Set<String> NO_DOC_VALUES = Set.of(KEY, ID, CUSTOMER, DUPLICATE_OF, RUN_ID);

  /** A query for records whose keyword {@code field} is any of {@code values}. */
  static Query keywordQuery(String field, Collection<String> values) {
    List<BytesRef> refs = values.stream().map(v -> new BytesRef(normalize(field, v))).toList();
    if (refs.size() == 1) return new ConstantScoreQuery(new TermQuery(new Term(field, refs.get(0))));
    // with doc values Lucene may pick the cheaper of postings and doc values per segment
    return NO_DOC_VALUES.contains(field)
        ? new TermInSetQuery(field, refs)
        : KeywordField.newSetQuery(field, refs);
  }

  /**
   * Returns {@code s} with every unpaired UTF-16 surrogate replaced by U+FFFD; {@code s} itself when
   * it has none (the usual case, one scan).
   *
   * <p>Why: customer text can hold lone surrogates (a JSON {@code "\ud83d"} escape, a string cut
   * in the middle of an emoji), and Lucene 10.6 writes a stored string over 1,024 chars with a
   * UTF-8 length that disagrees with its bytes when a lone high surrogate precedes a valid pair
   * (e.g. {@code "\ud83d\ude00\ud8d4"} repeated): the document's stored fields, and reads of its
   * block, then fail with "Unknown field number". Every string goes through here before Lucene.
   */
  static String wellFormed(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return replaceUnpaired(s);
      }
    }
    return s;
  }

  private static String replaceUnpaired(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A keyword value as the index holds it. */
  static String normalize(String field, String value) {
    String v = wellFormed(value);
    return LOWER_CASED.contains(field) ? v.toLowerCase(Locale.ROOT) : v;
  }
}
