package dev.verbatim.trends.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.verbatim.trends.Association;
import dev.verbatim.trends.EmergingAlert;
import dev.verbatim.trends.SeriesPoint;
import dev.verbatim.trends.SurveyImpact;
import dev.verbatim.trends.TopicSeries;
import dev.verbatim.trends.Verbatim;
import dev.verbatim.trends.stats.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link FrictionReport} as JSON, snake_case; NaN and infinite numbers become {@code null}.
 * Shape: {@code {"since", "until", ..., "topics": [{"id", "label", "volume", "negative_share",
 * "emerging": {"since", "ratio", "p_value", ...} | null, "churn": {"relative_risk", "ci_low",
 * "ci_high", "p_value", "q_value", "accounts", "arr", ...}, "expansion": {...}, "verbatims": [...],
 * ...}]}}. Every figure group carries its {@code query}. Stateless; thread-safe.
 */
public final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  /** Writes {@code report} to {@code out} (UTF-8, pretty-printed); does not close it. */
  public static void write(FrictionReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      write(report, g);
    }
  }

  /** The report as a JSON string. */
  public static String toString(FrictionReport report) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      write(report, g);
    }
    return w.toString();
  }

  private static void write(FrictionReport r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("since", r.since().toString());
    g.writeStringField("until", r.until().toString());
    g.writeNumberField("window_days", r.windowDays());
    g.writeNumberField("records", r.records());
    g.writeNumberField("duplicates_skipped", r.duplicates());
    g.writeNumberField("accounts", r.accounts());
    g.writeFieldName("sentiment_accuracy");
    SentimentAccuracy acc = r.sentimentAccuracy();
    if (acc == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      num(g, "accuracy", acc.accuracy());
      num(g, "ci_low", acc.low());
      num(g, "ci_high", acc.high());
      g.writeNumberField("n", acc.n());
      g.writeStringField("basis", acc.basis());
      g.writeEndObject();
    }
    strings(g, "top_rising", r.topRising());
    strings(g, "top_churn", r.topChurn());
    strings(g, "delightful", r.delightful());
    g.writeStringField("methods", r.methods());
    g.writeArrayFieldStart("topics");
    for (FrictionReport.TopicReport t : r.topics()) topic(g, t);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void topic(JsonGenerator g, FrictionReport.TopicReport t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", t.id());
    g.writeStringField("label", t.label());
    g.writeBooleanField("friction", t.friction());
    g.writeBooleanField("delight", t.delight());
    g.writeNumberField("volume", t.volume());
    num(g, "share", t.share());
    g.writeNumberField("negative", t.negative());
    num(g, "negative_share", t.negativeShare());
    g.writeNumberField("accounts", t.accounts());
    g.writeStringField("query", t.query());
    g.writeStringField("negative_query", t.negativeQuery());
    FrictionReport.Now n = t.now();
    g.writeObjectFieldStart("now");
    g.writeStringField("from", n.from().toString());
    g.writeStringField("to", n.to().toString());
    g.writeNumberField("volume", n.volume());
    num(g, "share", n.share());
    num(g, "negative_share", n.negativeShare());
    g.writeStringField("query", n.query());
    g.writeStringField("baseline_from", n.baselineFrom().toString());
    g.writeStringField("baseline_to", n.baselineTo().toString());
    g.writeNumberField("baseline_volume", n.baselineVolume());
    num(g, "baseline_share", n.baselineShare());
    num(g, "baseline_negative_share", n.baselineNegativeShare());
    g.writeStringField("baseline_query", n.baselineQuery());
    g.writeEndObject();
    g.writeFieldName("emerging");
    emerging(g, t.emerging());
    g.writeFieldName("churn");
    association(g, t.churn());
    g.writeFieldName("churn_negative");
    association(g, t.churnNegative());
    g.writeFieldName("expansion");
    association(g, t.expansion());
    g.writeFieldName("expansion_negative");
    association(g, t.expansionNegative());
    g.writeArrayFieldStart("survey");
    for (SurveyImpact s : t.survey()) {
      g.writeStartObject();
      g.writeStringField("metric", s.metric());
      g.writeNumberField("raised_n", s.raisedN());
      interval(g, "raised", s.raised());
      g.writeNumberField("other_n", s.otherN());
      interval(g, "other", s.other());
      interval(g, "difference", s.difference());
      g.writeStringField("query", s.query());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("verbatims");
    for (Verbatim v : t.verbatims()) {
      g.writeStartObject();
      g.writeStringField("key", v.key());
      g.writeStringField("event_time", v.eventTime() == null ? null : v.eventTime().toString());
      g.writeStringField("channel", v.channel());
      g.writeStringField("account", v.account());
      g.writeStringField("text", v.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    series(g, t.weekly());
    g.writeEndObject();
  }

  private static void emerging(JsonGenerator g, @Nullable EmergingAlert e) throws IOException {
    if (e == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("since", e.since().toString());
    g.writeStringField("until", e.until() == null ? null : e.until().toString());
    g.writeBooleanField("active", e.active());
    g.writeBooleanField("new", e.isNew());
    num(g, "ratio", e.ratio() == null ? Double.NaN : e.ratio());
    num(g, "p_value", e.pValue());
    g.writeNumberField("mentions", e.mentions());
    g.writeNumberField("records", e.records());
    g.writeNumberField("baseline_mentions", e.baselineMentions());
    g.writeNumberField("baseline_records", e.baselineRecords());
    g.writeStringField("query", e.query());
    g.writeEndObject();
  }

  private static void association(JsonGenerator g, @Nullable Association a) throws IOException {
    if (a == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    num(g, "relative_risk", a.relativeRisk());
    num(g, "ci_low", a.ciLow());
    num(g, "ci_high", a.ciHigh());
    num(g, "p_value", a.pValue());
    num(g, "q_value", a.qValue());
    g.writeNumberField("accounts", a.accounts());
    num(g, "arr", a.arr());
    num(g, "arr_at_risk", a.arrAtRisk() == null ? Double.NaN : a.arrAtRisk());
    num(g, "arr_change", a.arrChange());
    g.writeNumberField("events", a.events());
    num(g, "rate", a.rate());
    g.writeNumberField("other_accounts", a.otherAccounts());
    g.writeNumberField("other_events", a.otherEvents());
    num(g, "other_rate", a.otherRate());
    num(g, "crude_relative_risk", a.crudeRelativeRisk());
    num(g, "crude_p_value", a.crudePValue());
    g.writeArrayFieldStart("strata");
    for (Association.Stratum s : a.strata()) {
      g.writeStartObject();
      g.writeStringField("segment", s.segment());
      g.writeNumberField("exposed_events", s.a());
      g.writeNumberField("exposed_no_event", s.b());
      g.writeNumberField("other_events", s.c());
      g.writeNumberField("other_no_event", s.d());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("query", a.query());
    g.writeEndObject();
  }

  private static void series(JsonGenerator g, TopicSeries s) throws IOException {
    g.writeObjectFieldStart("weekly");
    g.writeStringField("query", s.query());
    g.writeArrayFieldStart("points");
    for (SeriesPoint p : s.points()) point(g, p, false);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void interval(JsonGenerator g, String name, Interval i) throws IOException {
    g.writeObjectFieldStart(name);
    num(g, "estimate", i.estimate());
    num(g, "ci_low", i.low());
    num(g, "ci_high", i.high());
    num(g, "p_value", i.pValue());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /**
   * Writes one point of a topic's series as a JSON object: start, volume, total, share, negative,
   * negative_share, mean_sentiment, accounts, and with {@code breakdowns} the counts by channel and
   * by segment. The one shape of a series point, for the report and for {@code verbatim trends}.
   */
  public static void point(JsonGenerator g, SeriesPoint p, boolean breakdowns) throws IOException {
    g.writeStartObject();
    g.writeStringField("start", p.start().toString());
    g.writeNumberField("volume", p.volume());
    g.writeNumberField("total", p.total());
    num(g, "share", p.share());
    g.writeNumberField("negative", p.negative());
    num(g, "negative_share", p.negativeShare());
    num(g, "mean_sentiment", p.meanSentiment() == null ? Double.NaN : p.meanSentiment());
    g.writeNumberField("accounts", p.accounts());
    if (breakdowns) {
      counts(g, "by_channel", p.byChannel());
      counts(g, "by_segment", p.bySegment());
    }
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, java.util.Map<String, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (var e : new java.util.TreeMap<>(m).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
  }

  static void num(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) g.writeNullField(name);
    else g.writeNumberField(name, v);
  }
}
