package dev.verbatim.app.server.view;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.index.SentenceMark;
import dev.verbatim.index.TopicTag;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record as the index keeps it ({@link FeedbackSearch#record}), shaped for display: turns,
 * sentences with their sentiment and topics with theirs. Thread-safe; opens the index at its last
 * commit once.
 */
public final class LuceneRecordView implements RecordView {
  private final java.util.function.Supplier<FeedbackSearch> search;

  /** Reads records from whatever index {@code search} gives at the time of each request. */
  public LuceneRecordView(java.util.function.Supplier<FeedbackSearch> search) {
    this.search = search;
  }

  @Override
  public Optional<RecordDetail> record(String key) throws IOException {
    int slash = key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1) {
      throw new IllegalArgumentException("a record key is SOURCE/ID, e.g. zendesk/T-1042; got '" + key + "'");
    }
    Optional<IndexRecord> found = search.get().record(key);
    if (found.isEmpty()) return Optional.empty();
    IndexRecord ir = found.get();
    Redacted r = ir.redacted();
    List<Map<String, Object>> turns = new ArrayList<>(r.turns().size());
    for (Turn t : r.turns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("speaker", t.speaker().wireName());
      m.put("text", t.text());
      if (t.time() != null) m.put("time", t.time().toString());
      turns.add(m);
    }
    List<Map<String, Object>> sentences = new ArrayList<>(ir.sentences().size());
    for (SentenceMark s : ir.sentences()) {
      if (s.end() > r.text().length()) continue;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", s.start());
      m.put("end", s.end());
      m.put("text", r.text().substring(s.start(), s.end()));
      m.put("sentiment", s.sentiment());
      m.put("score", s.score());
      sentences.add(m);
    }
    Map<String, Object> meta = new LinkedHashMap<>(r.meta());
    if (!ir.topics().isEmpty()) {
      List<Map<String, Object>> tags = new ArrayList<>();
      for (TopicTag t : ir.topics()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("weight", t.weight());
        if (t.sentiment() != null) m.put("sentiment", t.sentiment());
        tags.add(m);
      }
      meta.put("topic_sentiment", tags);
    }
    return Optional.of(new RecordDetail(
        key,
        r.id().source(),
        r.id().id(),
        r.channel().wireName(),
        r.eventTime(),
        r.language(),
        r.accountId(),
        ir.segment(),
        ir.plan(),
        r.rating() == null ? null : r.rating().value(),
        r.rating() == null ? null : r.rating().scale().wireName(),
        ir.sentimentLabel(),
        ir.sentimentLabel() == null ? null : ir.sentimentScore(),
        ir.topicIds(),
        r.subject(),
        r.text(),
        turns,
        sentences,
        meta,
        r.duplicateOf() == null ? null : r.duplicateOf().key(),
        null));
  }
}
