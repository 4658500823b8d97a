package dev.verbatim.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The index's fields. Stored fields are only those a hit shows; points serve range queries; doc
 * values serve sorting, faceting and aggregation.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>indexed as</th><th>holds</th></tr>
 *   <tr><td>{@value #KEY}</td><td>keyword</td><td>{@code source/id}: the update key</td></tr>
 *   <tr><td>{@value #ID}, {@value #SOURCE}</td><td>keyword, stored, sorted doc values</td><td>the record's id and source</td></tr>
 *   <tr><td>{@value #CHANNEL}, {@value #LANGUAGE}, {@value #ACCOUNT}, {@value #RATING_SCALE}</td><td>keyword, stored, sorted doc values</td><td>facets and filters</td></tr>
 *   <tr><td>{@value #EVENT_TIME}</td><td>long point, numeric doc values, stored</td><td>epoch milliseconds (UTC) when the customer wrote</td></tr>
 *   <tr><td>{@value #RATING}</td><td>double point, doc values, stored</td><td>the score that came with the text</td></tr>
 *   <tr><td>{@value #TEXT}</td><td>English analyzer (stemmed), stored</td><td>redacted customer text</td></tr>
 *   <tr><td>{@value #TEXT_EXACT}</td><td>standard tokenizer, no lowercasing or stemming</td><td>same text, for exact and case-sensitive matches</td></tr>
 *   <tr><td>{@value #SUBJECT}</td><td>English analyzer, stored</td><td>redacted subject or title</td></tr>
 *   <tr><td>{@value #TURNS}, {@value #META}, {@value #PII}</td><td>stored only</td><td>redacted turns, meta and PII spans as JSON, for display</td></tr>
 *   <tr><td>{@value #DUPLICATE_OF}</td><td>keyword, stored</td><td>{@code source/id} of the record this near-duplicates</td></tr>
 *   <tr><td>{@value #RUN_ID}</td><td>keyword, stored</td><td>the run that wrote the record last</td></tr>
 * </table>
 */
public final class IndexSchema {
  public static final String KEY = "key";
  public static final String ID = "id";
  public static final String SOURCE = "source";
  public static final String CHANNEL = "channel";
  public static final String LANGUAGE = "language";
  public static final String ACCOUNT = "account";
  public static final String CUSTOMER = "customer";
  public static final String EVENT_TIME = "event_time";
  public static final String RATING = "rating";
  public static final String RATING_SCALE = "rating_scale";
  public static final String TEXT = "text";
  public static final String TEXT_EXACT = "text_exact";
  public static final String SUBJECT = "subject";
  public static final String TURNS = "turns";
  public static final String META = "meta";
  public static final String PII = "pii";
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String RUN_ID = "run_id";

  private IndexSchema() {}

  /** The analyzer for every field: English for text and subject, exact for {@value #TEXT_EXACT}. */
  public static Analyzer analyzer() {
    Analyzer exact =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
          }
        };
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(TEXT_EXACT, exact));
  }
}
