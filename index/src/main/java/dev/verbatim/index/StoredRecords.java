package dev.verbatim.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.PiiSpan;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link IndexRecord} back from a document's stored fields: the inverse of what {@link
 * FeedbackIndexer} writes, so the index alone can be rewritten (e.g. re-tagged after a topic refit)
 * without the input files. Every component of {@link IndexRecord} must round-trip; {@code
 * StoredRecordsTest} checks each one, so a new field fails the test until it is stored and read
 * here. Limits, by design of the schema: the event time keeps milliseconds; channel, language,
 * sentiment and rating scale come back lower case; topic weights keep three decimals; the vector is
 * not a stored field: {@link FeedbackIndexer#rewrite} reads it from the vector values
 * ({@link VectorField#read}). Stateless.
 */
final class StoredRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredRecords() {}

  /** Rebuilds the record stored in {@code d}. */
  static IndexRecord read(Document d) {
    String source = required(d, IndexSchema.SOURCE);
    FeedbackId id = new FeedbackId(source, required(d, IndexSchema.ID));
    Channel channel = Channel.parse(required(d, IndexSchema.CHANNEL))
        .orElseThrow(() -> new IllegalStateException("stored record " + id + " has an unknown channel"));
    Instant time = Instant.ofEpochMilli(d.getField(IndexSchema.EVENT_TIME).numericValue().longValue());
    Rating rating = null;
    IndexableField rv = d.getField(IndexSchema.RATING);
    if (rv != null) {
      RatingScale scale = RatingScale.parse(required(d, IndexSchema.RATING_SCALE))
          .orElseThrow(() -> new IllegalStateException("stored record " + id + " has an unknown rating scale"));
      rating = new Rating(rv.numericValue().doubleValue(), scale);
    }
    Map<String, String> meta = new LinkedHashMap<>();
    JsonNode m = json(d.get(IndexSchema.META));
    if (m != null) m.properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
    List<Turn> turns = new ArrayList<>();
    JsonNode ts = json(d.get(IndexSchema.TURNS));
    if (ts != null) {
      for (JsonNode t : ts) {
        Speaker sp = Speaker.parse(t.path("speaker").asText())
            .orElseThrow(() -> new IllegalStateException("stored record " + id + " has a turn of unknown speaker"));
        turns.add(new Turn(sp, t.path("text").asText(), t.hasNonNull("time") ? Instant.parse(t.get("time").asText()) : null));
      }
    }
    // no stored turns: one customer turn, without a time, holding the text (FeedbackIndexer#isJustTheText)
    if (ts == null) turns.add(Turn.customer(required(d, IndexSchema.TEXT)));
    List<PiiSpan> pii = new ArrayList<>();
    JsonNode ps = json(d.get(IndexSchema.PII));
    if (ps != null) {
      for (JsonNode p : ps) pii.add(new PiiSpan(p.path("type").asText(), p.path("start").asInt(), p.path("end").asInt()));
    }
    List<Cleaned.Segment> segments = new ArrayList<>();
    JsonNode gs = json(d.get(IndexSchema.SEGMENTS));
    if (gs != null) {
      for (JsonNode g : gs) segments.add(new Cleaned.Segment(g.get(0).asInt(), g.get(1).asInt(), g.get(2).asInt(), g.get(3).asInt()));
    }
    String dup = d.get(IndexSchema.DUPLICATE_OF);
    FeedbackId duplicateOf = null;
    if (dup != null) {
      int slash = dup.indexOf('/'); // sources hold no '/'; ids may
      duplicateOf = new FeedbackId(dup.substring(0, slash), dup.substring(slash + 1));
    }
    Redacted r = new Redacted(id, channel, time, d.get(IndexSchema.ACCOUNT), d.get(IndexSchema.CUSTOMER), rating,
        d.get(IndexSchema.SUBJECT), meta, turns, required(d, IndexSchema.TEXT), pii, required(d, IndexSchema.LANGUAGE),
        duplicateOf, segments);
    IndexRecord out = IndexRecord.of(r).withAccount(d.get(IndexSchema.SEGMENT), d.get(IndexSchema.PLAN));
    String label = d.get(IndexSchema.SENTIMENT);
    if (label != null) {
      IndexableField conf = d.getField(IndexSchema.SENTIMENT_CONFIDENCE);
      out = out.withSentiment(label, d.getField(IndexSchema.SENTIMENT_SCORE).numericValue().doubleValue(),
          conf == null ? Double.NaN : conf.numericValue().doubleValue());
    }
    List<TopicTag> tags = new ArrayList<>();
    JsonNode tt = json(d.get(IndexSchema.TOPIC_TAGS));
    if (tt != null) {
      for (JsonNode t : tt) {
        tags.add(new TopicTag(t.path("id").asText(), t.path("weight").asDouble(),
            t.hasNonNull("sentiment") ? t.get("sentiment").asText() : null));
      }
    }
    List<SentenceMark> marks = new ArrayList<>();
    JsonNode ss = json(d.get(IndexSchema.SENTENCES));
    if (ss != null) {
      for (JsonNode s : ss) marks.add(new SentenceMark(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asText(), s.get(3).asDouble()));
    }
    return out.withTopicTags(tags).withSentences(marks);
  }

  private static String required(Document d, String field) {
    String v = d.get(field);
    if (v == null) throw new IllegalStateException("a stored record lacks its " + field + " field");
    return v;
  }

  private static @Nullable JsonNode json(@Nullable String s) {
    if (s == null) return null;
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored JSON field is unreadable", e);
    }
  }
}
