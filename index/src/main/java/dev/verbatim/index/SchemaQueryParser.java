package dev.verbatim.index;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's classic query parser, made to know the schema: a field that does not exist is an error
 * (not a silent empty result), keyword fields match exactly, {@code event_time} takes dates and
 * {@code rating} numbers. Words without a field search the redacted text; all must match.
 *
 * <p>Not thread-safe (the classic parser is not): make one per query.
 */
final class SchemaQueryParser extends QueryParser {

  SchemaQueryParser(Analyzer analyzer) {
    super(IndexSchema.TEXT, analyzer);
    setDefaultOperator(QueryParser.Operator.AND);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    String f = IndexSchema.queryField(field);
    return switch (IndexSchema.kind(f)) {
      case TEXT -> super.getFieldQuery(f, queryText, quoted);
      case KEYWORD -> IndexSchema.keywordQuery(f, List.of(queryText));
      case TIME -> timeRange(queryText, queryText, true, true);
      case NUMBER -> DoublePoint.newExactQuery(f, number(f, queryText));
    };
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    String f = IndexSchema.queryField(field);
    return switch (IndexSchema.kind(f)) {
      case TIME -> timeRange(part1, part2, startInclusive, endInclusive);
      case NUMBER -> {
        double lo = part1 == null || part1.equals("*") ? Double.NEGATIVE_INFINITY : number(f, part1);
        double hi = part2 == null || part2.equals("*") ? Double.POSITIVE_INFINITY : number(f, part2);
        if (!startInclusive) lo = Math.nextUp(lo);
        if (!endInclusive) hi = Math.nextDown(hi);
        yield DoublePoint.newRangeQuery(f, lo, hi);
      }
      case KEYWORD ->
          TermRangeQuery.newStringRange(
              f, open(part1), open(part2), startInclusive, endInclusive);
      case TEXT -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive);
    };
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(field)) return super.getWildcardQuery(field, termStr); // *:* matches all
    return super.getWildcardQuery(termField(field, "wildcards"), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(termField(field, "prefixes"), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    return super.getFuzzyQuery(termField(field, "fuzzy terms (~)"), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(termField(field, "regular expressions"), termStr);
  }

  private static String termField(String field, String what) {
    String f = IndexSchema.queryField(field);
    IndexSchema.Kind k = IndexSchema.kind(f);
    if (k == IndexSchema.Kind.TIME || k == IndexSchema.Kind.NUMBER) {
      throw new IllegalArgumentException(
          field + " takes a value or a range such as " + field + ":[A TO B], not " + what);
    }
    return f;
  }

  private static Query timeRange(
      @Nullable String from, @Nullable String to, boolean fromInclusive, boolean toInclusive) {
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    if (from != null && !from.equals("*")) {
      // an excluded date starts after its whole day; an excluded instant just after itself
      lo =
          fromInclusive
              ? TimeBounds.start(from, "event_time").toEpochMilli()
              : TimeBounds.isDate(from)
                  ? TimeBounds.endExclusive(from, "event_time").toEpochMilli()
                  : TimeBounds.start(from, "event_time").toEpochMilli() + 1;
    }
    if (to != null && !to.equals("*")) {
      Instant end =
          toInclusive
              ? TimeBounds.endExclusive(to, "event_time")
              : TimeBounds.start(to, "event_time");
      // a date's exclusive end is the next day's start; an inclusive instant includes itself
      hi = toInclusive && !TimeBounds.isDate(to) ? end.toEpochMilli() : end.toEpochMilli() - 1;
    }
    if (lo > hi) return new MatchNoDocsQuery("empty time range");
    return LongPoint.newRangeQuery(IndexSchema.EVENT_TIME, lo, hi);
  }

  private static double number(String field, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (Double.isNaN(v)) throw new NumberFormatException("NaN");
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          field + " takes a number, e.g. " + field + ":5 or " + field + ":[0 TO 6]; '" + text
              + "' is not one",
          e);
    }
  }

  private static @Nullable String open(@Nullable String part) {
    return part == null || part.equals("*") ? null : part;
  }
}
