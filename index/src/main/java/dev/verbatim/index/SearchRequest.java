package dev.verbatim.index;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One search: a query, filters, sort, a page and what to count. Build it with {@link
 * #builder(String)}; everything has a default (all records, by relevance, first 10, no facets, no
 * histogram, highlights on).
 *
 * <p>Filters: values within one field are OR-ed, fields are AND-ed. Keyword values are exact;
 * channel, sentiment, language and rating scale ignore case.
 *
 * @param query Lucene query syntax over the redacted text; blank matches everything
 * @param filters field name ({@code channel, source, account, segment, plan, language, sentiment,
 *     topic, rating_scale, duplicate_of, run_id}) to the values any of which may match
 * @param since only records written at or after this instant
 * @param until only records written strictly before this instant
 * @param ratingMin only records with a rating at least this
 * @param ratingMax only records with a rating at most this
 * @param sort the order of hits
 * @param offset how many hits to skip, for paging
 * @param limit how many hits to return, 0 for counts only; any size (a page never holds more than
 *     the index), so {@code limit = Integer.MAX_VALUE} lists everything
 * @param facets whether to count values of the facets ({@link #FACETS})
 * @param histogram the bucket size of a time histogram, or {@code null} for none
 * @param highlight whether hits carry a highlighted snippet
 * @param moreLikeThis {@code source/id} (or a bare id, if unique) of a record: find records like it
 *     by shared wording (Lucene MoreLikeThis)
 * @param semantic free text: find records whose embedding is nearest its meaning (needs an index
 *     built with embeddings and a search opened with the same encoder); with a non-blank {@code
 *     query} the two rankings are fused (hybrid)
 * @param similarTo {@code source/id} (or unique id) of an embedded record: find records nearest its
 *     stored embedding, itself excluded
 * @param minSimilarity in semantic mode, the cosine similarity at or above which a record counts in
 *     {@code total}, facets and the histogram; {@code null} for the model's default
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable Double ratingMin,
    @Nullable Double ratingMax,
    Sort sort,
    int offset,
    int limit,
    boolean facets,
    @Nullable Interval histogram,
    boolean highlight,
    @Nullable String moreLikeThis,
    @Nullable String semantic,
    @Nullable String similarTo,
    @Nullable Double minSimilarity) {

  /** The facets counted when {@link #facets()} is on. */
  public static final List<String> FACETS = IndexSchema.FACETS;

  /** The fields {@link #filters()} may name. */
  public static final List<String> FILTER_FIELDS =
      List.of(
          IndexSchema.CHANNEL, IndexSchema.SOURCE, IndexSchema.ACCOUNT, IndexSchema.SEGMENT,
          IndexSchema.PLAN, IndexSchema.LANGUAGE, IndexSchema.SENTIMENT, IndexSchema.TOPIC,
          IndexSchema.RATING_SCALE, IndexSchema.DUPLICATE_OF, IndexSchema.RUN_ID, IndexSchema.ID);

  public SearchRequest {
    requireNonNull(query, "query");
    requireNonNull(sort, "sort");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    filters.forEach(
        (field, values) -> {
          if (!FILTER_FIELDS.contains(field)) {
            throw new IllegalArgumentException(
                "cannot filter on '" + field + "'; filter on one of " + String.join(", ", FILTER_FIELDS));
          }
          List<String> vs = values.stream().map(String::strip).filter(v -> !v.isEmpty())
              .map(v -> closedValue(field, v)).toList();
          if (!vs.isEmpty()) copy.put(field, vs);
        });
    filters = java.util.Collections.unmodifiableMap(copy);
    if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more: " + offset);
    if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more: " + limit);
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
    }
    if (ratingMin != null && ratingMax != null && ratingMin > ratingMax) {
      throw new IllegalArgumentException(
          "rating minimum " + ratingMin + " is above the maximum " + ratingMax);
    }
    if (moreLikeThis != null && moreLikeThis.isBlank()) moreLikeThis = null;
    if (semantic != null && semantic.isBlank()) semantic = null;
    if (similarTo != null && similarTo.isBlank()) similarTo = null;
    if (semantic != null && similarTo != null) {
      throw new IllegalArgumentException("give either semantic text or a record to be similar to, not both");
    }
    if ((semantic != null || similarTo != null) && moreLikeThis != null) {
      throw new IllegalArgumentException(
          "more-like-this (shared words) and semantic search (meaning) do not combine; pick one");
    }
    if ((semantic != null || similarTo != null) && sort != Sort.RELEVANCE) {
      throw new IllegalArgumentException(
          "semantic search lists the nearest records first; drop the sort (or use a plain query)");
    }
    if (minSimilarity != null && !(minSimilarity >= -1 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minimum similarity must be a cosine in [-1, 1]: " + minSimilarity);
    }
  }

  /**
   * A filter value of a field with a fixed set of values (channel, sentiment), checked: a value
   * outside the set is refused with the set, instead of matching nothing. Case is the index's
   * business ({@link IndexSchema#normalize}).
   */
  private static String closedValue(String field, String value) {
    if (field.equals(IndexSchema.CHANNEL) && dev.verbatim.pipeline.Channel.parse(value).isEmpty()) {
      throw new IllegalArgumentException("no channel is called '" + value + "'; channels: ticket, chat, review, survey");
    }
    if (field.equals(IndexSchema.SENTIMENT)
        && !IndexRecord.SENTIMENT_LABELS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("sentiment '" + value + "' is not one of negative, neutral, positive");
    }
    return value;
  }

  /** Whether this is a semantic (vector) search: {@link #semantic} or {@link #similarTo} is set. */
  public boolean isSemantic() {
    return semantic != null || similarTo != null;
  }

  /** A request for {@code query} with every default; see {@link Builder}. */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /** A request for {@code query}, first {@code limit} hits by relevance, nothing else. */
  public static SearchRequest of(String query, int limit) {
    return builder(query).limit(limit).build();
  }

  /** The order of hits. */
  public enum Sort {
    /** Best match first; ties newest first. */
    RELEVANCE,
    /** Newest first. */
    TIME_DESC,
    /** Oldest first. */
    TIME_ASC;

    /**
     * Reads {@code relevance}, {@code time} (newest first), {@code time-desc}/{@code newest} or
     * {@code time-asc}/{@code oldest}.
     *
     * @throws IllegalArgumentException listing the choices
     */
    public static Sort parse(String text) {
      String s = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(':', '-');
      return switch (s) {
        case "relevance", "score" -> RELEVANCE;
        case "time", "time-desc", "newest", "desc" -> TIME_DESC;
        case "time-asc", "oldest", "asc" -> TIME_ASC;
        default ->
            throw new IllegalArgumentException(
                "unknown sort '" + text + "': use relevance, time (newest first), time-asc or time-desc");
      };
    }
  }

  /** The bucket size of a time histogram. Buckets are in UTC; weeks start on Monday. */
  public enum Interval {
    /** One bucket per UTC day. */
    DAY,
    /** One bucket per week, Monday 00:00 UTC to the next Monday. */
    WEEK,
    /** One bucket per calendar month in UTC. */
    MONTH;

    /**
     * Reads {@code day}, {@code week} or {@code month}.
     *
     * @throws IllegalArgumentException listing the choices
     */
    public static Interval parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "day", "daily" -> DAY;
        case "week", "weekly" -> WEEK;
        case "month", "monthly" -> MONTH;
        default ->
            throw new IllegalArgumentException(
                "unknown histogram interval '" + text + "': use day, week or month");
      };
    }
  }

  /** Builds a {@link SearchRequest}; setters taking text parse it and say what is wrong. */
  public static final class Builder {
    private final String query;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private @Nullable Instant since;
    private @Nullable Instant until;
    private @Nullable Double ratingMin;
    private @Nullable Double ratingMax;
    private Sort sort = Sort.RELEVANCE;
    private int offset;
    private int limit = 10;
    private boolean facets;
    private @Nullable Interval histogram;
    private boolean highlight = true;
    private @Nullable String moreLikeThis;
    private @Nullable String semantic;
    private @Nullable String similarTo;
    private @Nullable Double minSimilarity;

    private Builder(String query) {
      this.query = requireNonNull(query, "query");
    }

    /** Adds values for {@code field}: a record matches if it has any of them. */
    public Builder filter(String field, String... values) {
      return filter(field, Arrays.asList(values));
    }

    /** Adds values for {@code field}: a record matches if it has any of them. */
    public Builder filter(String field, List<String> values) {
      filters.computeIfAbsent(field, f -> new ArrayList<>()).addAll(values);
      return this;
    }

    /** Only records at or after {@code instant}. */
    public Builder since(@Nullable Instant instant) {
      this.since = instant;
      return this;
    }

    /** Only records before {@code instant} (exclusive). */
    public Builder until(@Nullable Instant instant) {
      this.until = instant;
      return this;
    }

    /**
     * Only records at or after {@code text}: an ISO date (from 00:00 UTC) or instant.
     *
     * @throws IllegalArgumentException if it is not a date
     */
    public Builder since(String text) {
      return since(TimeBounds.start(text, "since"));
    }

    /**
     * Only records up to {@code text}: an ISO date includes that whole day (UTC); an instant is
     * exclusive.
     *
     * @throws IllegalArgumentException if it is not a date
     */
    public Builder until(String text) {
      return until(TimeBounds.endExclusive(text, "until"));
    }

    /** Only records rated within {@code min..max} inclusive; either may be {@code null}. */
    public Builder rating(@Nullable Double min, @Nullable Double max) {
      this.ratingMin = min;
      this.ratingMax = max;
      return this;
    }

    /** The order of hits. */
    public Builder sort(Sort order) {
      this.sort = requireNonNull(order, "sort");
      return this;
    }

    /** The order of hits, as {@link Sort#parse} reads it. */
    public Builder sort(String text) {
      return sort(Sort.parse(text));
    }

    /** Hits to skip. */
    public Builder offset(int n) {
      this.offset = n;
      return this;
    }

    /** Hits to return. */
    public Builder limit(int n) {
      this.limit = n;
      return this;
    }

    /** Whether to count facet values. */
    public Builder facets(boolean on) {
      this.facets = on;
      return this;
    }

    /** A time histogram with this bucket size, or none for {@code null}. */
    public Builder histogram(@Nullable Interval interval) {
      this.histogram = interval;
      return this;
    }

    /** Whether hits carry highlighted snippets. */
    public Builder highlight(boolean on) {
      this.highlight = on;
      return this;
    }

    /** Finds records like the one with this {@code source/id} (or unique id). */
    public Builder moreLikeThis(@Nullable String key) {
      this.moreLikeThis = key;
      return this;
    }

    /** Finds records whose embedding is nearest the meaning of {@code text} (semantic search). */
    public Builder semantic(@Nullable String text) {
      this.semantic = text;
      return this;
    }

    /** Finds records whose embedding is nearest that of the record {@code source/id} (or unique id). */
    public Builder similarTo(@Nullable String key) {
      this.similarTo = key;
      return this;
    }

    /** In semantic mode, the cosine at or above which a record is counted in total, facets, histogram. */
    public Builder minSimilarity(@Nullable Double cosine) {
      this.minSimilarity = cosine;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException if the parts do not fit together (e.g. since after until)
     */
    public SearchRequest build() {
      return new SearchRequest(
          query, filters, since, until, ratingMin, ratingMax, sort, offset, limit, facets, histogram,
          highlight, moreLikeThis, semantic, similarTo, minSimilarity);
    }
  }
}
