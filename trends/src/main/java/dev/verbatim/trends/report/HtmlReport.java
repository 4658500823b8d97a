package dev.verbatim.trends.report;

import dev.verbatim.trends.Association;
import dev.verbatim.trends.EmergingAlert;
import dev.verbatim.trends.SeriesPoint;
import dev.verbatim.trends.SurveyImpact;
import dev.verbatim.trends.Verbatim;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link FrictionReport} as one self-contained HTML page: inline CSS, inline SVG charts,
 * no script, no external resource, so it reads offline and prints. Every string that comes from
 * data (topic labels, ids, queries, quotes, segments) goes through {@link #escape}: customer text is
 * hostile. Every number has its search query in a tooltip, and each block lists the queries to
 * paste into {@code verbatim search}. Stateless; thread-safe.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d232b;margin:0 auto;max-width:1040px;padding:24px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #e3e7ec;padding-bottom:4px}
      h3{font-size:16px;margin:0 0 6px}.muted{color:#5d6875}.small{font-size:12px}
      table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e8ebef;vertical-align:top}
      th{font-weight:600;background:#f5f7f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .topic{border:1px solid #dde2e8;border-radius:8px;padding:14px 16px;margin:14px 0;page-break-inside:avoid;break-inside:avoid}
      .tag{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;margin-left:6px}
      .alert{background:#fde8e6;color:#a02a1c}.new{background:#fff1d6;color:#8a5a00}.churn{background:#efe6fb;color:#5b2d91}.good{background:#e3f5e8;color:#1f6b35}
      blockquote{margin:6px 0;padding:6px 10px;border-left:3px solid #c9d1da;background:#fafbfc;white-space:pre-wrap;word-wrap:break-word}
      code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f1f3f5;padding:1px 4px;border-radius:3px;word-break:break-all}
      .q{font-size:12px;color:#5d6875;margin:2px 0}.grid{display:grid;grid-template-columns:1fr 1fr;gap:10px 24px}
      svg{max-width:100%;height:auto}.legend{font-size:12px;color:#5d6875}
      @media print{body{padding:0;max-width:none}.topic{border-color:#aaa}a{color:inherit}}
      """;

  /** The report as one HTML document. */
  public static String render(FrictionReport r) {
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Friction report ").append(r.since()).append(" to ").append(r.until()).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>Friction report</h1><p class=\"muted\">")
        .append(r.since()).append(" to ").append(r.until()).append(" (UTC) · ")
        .append(fmtInt(r.records())).append(" feedback records (near-duplicates counted once; ")
        .append(fmtInt(r.duplicates())).append(" skipped) · ").append(fmtInt(r.accounts()))
        .append(" accounts · churn/expansion window ").append(r.windowDays()).append(" days</p>\n");
    h.append("<p class=\"small\">Sentiment accuracy: ");
    SentimentAccuracy acc = r.sentimentAccuracy();
    if (acc == null) {
      h.append("<span class=\"muted\">not measured yet (label a validation sample, then <code>verbatim validate stats</code>); "
          + "negative shares below are as the scorer labelled them.</span>");
    } else {
      h.append(pct(acc.accuracy())).append(" (95% CI ").append(pct(acc.low())).append("–").append(pct(acc.high()))
          .append(", n = ").append(fmtInt(acc.n())).append(", ").append(escape(acc.basis())).append(")");
    }
    h.append("</p>\n");

    overview(h, r);

    h.append("<h2>Friction topics</h2>\n");
    int shown = 0;
    for (FrictionReport.TopicReport t : r.topics()) {
      if (!t.friction() || shown++ >= FrictionAnalysis.MAX_SECTIONS) continue;
      section(h, t, false, acc);
    }
    if (shown == 0) h.append("<p class=\"muted\">No topic meets the friction criteria in this period.</p>");

    h.append("<h2>Delightful themes</h2>\n");
    boolean any = false;
    for (FrictionReport.TopicReport t : r.topics()) {
      if (!r.delightful().contains(t.id())) continue;
      section(h, t, true, acc);
      any = true;
    }
    if (!any) h.append("<p class=\"muted\">No theme is significantly linked to expansion or to higher scores in this period.</p>");

    allTopics(h, r);
    h.append("<h2>Methods</h2><p class=\"small\">").append(escape(r.methods())).append("</p>")
        .append("<p class=\"small muted\">Each number's search query is in its tooltip and listed under it; paste it into "
            + "<code>verbatim search '…'</code>. Quotes are redacted customer text.</p>");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void overview(StringBuilder h, FrictionReport r) {
    h.append("<h2>Overview</h2><div class=\"grid\"><div><h3>Top rising</h3>");
    if (r.topRising().isEmpty()) h.append("<p class=\"muted\">No emerging alert in this period.</p>");
    else {
      h.append("<table><tr><th>topic</th><th>since</th><th>×</th><th>p</th></tr>");
      for (String id : r.topRising()) {
        FrictionReport.TopicReport t = r.topic(id);
        EmergingAlert e = t.emerging();
        h.append("<tr><td>").append(escape(t.label())).append("</td><td>").append(e.since()).append("</td><td class=\"n\">")
            .append(num(e.isNew() ? "new" : ratio(e.ratio()), e.query())).append("</td><td class=\"n\">")
            .append(num(pval(e.pValue()), e.query())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</div><div><h3>Top churn-linked</h3>");
    if (r.accounts() == 0) h.append("<p class=\"muted\">No accounts: run <code>verbatim run --accounts accounts.csv --outcomes outcomes.csv</code> to link topics to churn and expansion.</p>");
    else if (r.topChurn().isEmpty()) h.append("<p class=\"muted\">No topic significantly linked to churn (q &lt; 0.05).</p>");
    else {
      h.append("<table><tr><th>topic</th><th>RR (95% CI)</th><th>q</th><th>ARR at risk</th></tr>");
      for (String id : r.topChurn()) {
        FrictionReport.TopicReport t = r.topic(id);
        Association a = t.churn() != null && t.churn().significantIncrease(0.05) ? t.churn() : t.churnNegative();
        h.append("<tr><td>").append(escape(t.label())).append(a.negativeOnly() ? " <span class=\"muted small\">(negative)</span>" : "")
            .append("</td><td class=\"n\">").append(num(rr(a), a.query())).append("</td><td class=\"n\">")
            .append(num(pval(a.qValue()), a.query())).append("</td><td class=\"n\">")
            .append(num(money(a.arrAtRisk() == null ? Double.NaN : a.arrAtRisk()), a.query())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</div></div>");
  }

  private static void section(StringBuilder h, FrictionReport.TopicReport t, boolean delight, @Nullable SentimentAccuracy acc) {
    h.append("<div class=\"topic\"><h3>").append(escape(t.label()));
    if (!t.label().equals(t.id())) h.append(" <span class=\"muted small\">").append(escape(t.id())).append("</span>");
    EmergingAlert e = t.emerging();
    if (e != null) h.append(e.isNew() ? "<span class=\"tag new\">new</span>" : "<span class=\"tag alert\">rising</span>");
    if ((t.churn() != null && t.churn().significantIncrease(0.05)) || (t.churnNegative() != null && t.churnNegative().significantIncrease(0.05))) {
      h.append("<span class=\"tag churn\">churn-linked</span>");
    }
    if (t.delight()) h.append("<span class=\"tag good\">delight</span>");
    h.append("</h3>");
    chart(h, t);
    h.append("<table><tr><th></th><th>period</th><th>now (").append(t.now().from()).append("–").append(t.now().to())
        .append(")</th><th>baseline (").append(t.now().baselineFrom()).append("–").append(t.now().baselineTo()).append(")</th></tr>");
    h.append("<tr><td>mentions</td><td class=\"n\">").append(num(fmtInt(t.volume()), t.query())).append("</td><td class=\"n\">")
        .append(num(fmtInt(t.now().volume()), t.now().query())).append("</td><td class=\"n\">")
        .append(num(fmtInt(t.now().baselineVolume()), t.now().baselineQuery())).append("</td></tr>");
    h.append("<tr><td>share of all feedback</td><td class=\"n\">").append(num(pct(t.share()), t.query())).append("</td><td class=\"n\">")
        .append(num(pct(t.now().share()), t.now().query())).append("</td><td class=\"n\">")
        .append(num(pct(t.now().baselineShare()), t.now().baselineQuery())).append("</td></tr>");
    h.append("<tr><td>negative share").append(acc == null ? "" : " <span class=\"muted small\">(sentiment accuracy "
        + pct(acc.accuracy()) + ", CI " + pct(acc.low()) + "–" + pct(acc.high()) + ")</span>")
        .append("</td><td class=\"n\">").append(num(pct(t.negativeShare()), t.negativeQuery())).append("</td><td class=\"n\">")
        .append(num(pct(t.now().negativeShare()), t.now().query())).append("</td><td class=\"n\">")
        .append(num(pct(t.now().baselineNegativeShare()), t.now().baselineQuery())).append("</td></tr>");
    h.append("<tr><td>accounts</td><td class=\"n\">").append(num(fmtInt(t.accounts()), t.query())).append("</td><td></td><td></td></tr></table>");
    if (e != null) {
      h.append("<p><b>Emerging:</b> ");
      if (e.isNew()) h.append("new topic, first raised the week of ").append(e.since());
      else h.append("negative mentions per record ").append(num(ratio(e.ratio()), e.query())).append(" the baseline since the week of ")
          .append(e.since()).append(e.active() ? " (ongoing)" : ", until the week of " + e.until());
      h.append(", p = ").append(num(pval(e.pValue()), e.query())).append(" (").append(fmtInt(e.mentions())).append(" negative mentions in ")
          .append(fmtInt(e.records())).append(" records; baseline ").append(fmtInt(e.baselineMentions())).append(" in ")
          .append(fmtInt(e.baselineRecords())).append(")</p>");
      query(h, e.query());
    }
    h.append("<table><tr><th>accounts that raised it</th><th>accounts</th><th>ARR</th><th>rate vs others</th><th>RR (95% CI), segment-stratified</th><th>p</th><th>q</th></tr>");
    for (Association a : new Association[] {t.churn(), t.churnNegative(), t.expansion(), t.expansionNegative()}) {
      if (a == null) continue;
      h.append("<tr><td>").append(a.outcome()).append(a.negativeOnly() ? ", raised negatively" : ", raised at all").append("</td><td class=\"n\">")
          .append(num(fmtInt(a.accounts()), a.query())).append("</td><td class=\"n\">").append(num(money(a.arr()), a.query()));
      if (a.arrAtRisk() != null) h.append("<br><span class=\"small muted\">at risk ").append(money(a.arrAtRisk())).append("</span>");
      h.append("</td><td class=\"n\">").append(num(pct(a.rate()) + " vs " + pct(a.otherRate()), a.query())).append("</td><td class=\"n\">")
          .append(num(rr(a), a.query())).append("<br><span class=\"small muted\">crude ").append(fmt2(a.crudeRelativeRisk()))
          .append("</span></td><td class=\"n\">").append(num(pval(a.pValue()), a.query())).append("</td><td class=\"n\">")
          .append(num(pval(a.qValue()), a.query())).append("</td></tr>");
    }
    h.append("</table>");
    if (t.churn() != null) query(h, t.churn().query());
    if (!t.survey().isEmpty()) {
      h.append("<table><tr><th>survey</th><th>raised it</th><th>did not</th><th>difference (95% CI)</th><th>p</th></tr>");
      for (SurveyImpact s : t.survey()) {
        h.append("<tr><td>").append(s.metric().toUpperCase(Locale.ROOT)).append("</td><td class=\"n\">")
            .append(num(est(s.raised()) + " (n " + fmtInt(s.raisedN()) + ")", s.query())).append("</td><td class=\"n\">")
            .append(num(est(s.other()) + " (n " + fmtInt(s.otherN()) + ")", s.query())).append("</td><td class=\"n\">")
            .append(num(est(s.difference()), s.query())).append("</td><td class=\"n\">")
            .append(num(pval(s.difference().pValue()), s.query())).append("</td></tr>");
      }
      h.append("</table>");
      query(h, t.survey().get(0).query());
    }
    if (!t.verbatims().isEmpty()) {
      h.append("<p class=\"small muted\">What customers said (").append(delight ? "positive" : "negative").append(", newest first):</p>");
      for (Verbatim v : t.verbatims()) {
        h.append("<blockquote>").append(escape(v.text())).append("<br><span class=\"small muted\">")
            .append(escape(v.channel() == null ? "" : v.channel())).append(" · ")
            .append(v.eventTime() == null ? "" : v.eventTime().toString().substring(0, 10)).append(" · ")
            .append(escape(v.key())).append("</span></blockquote>");
      }
      query(h, delight ? t.query().replaceFirst("^topic:", "topic_positive:") : t.negativeQuery());
    }
    h.append("</div>\n");
  }

  private static void allTopics(StringBuilder h, FrictionReport r) {
    h.append("<h2>All topics</h2><table><tr><th>topic</th><th>mentions</th><th>share</th><th>negative</th>"
        + "<th>emerging</th><th>churn RR (95% CI)</th><th>q</th><th>expansion RR (95% CI)</th><th>q</th></tr>");
    for (FrictionReport.TopicReport t : r.topics()) {
      Association c = t.churn(), x = t.expansion();
      EmergingAlert e = t.emerging();
      h.append("<tr><td>").append(escape(t.label())).append("</td><td class=\"n\">").append(num(fmtInt(t.volume()), t.query()))
          .append("</td><td class=\"n\">").append(num(pct(t.share()), t.query())).append("</td><td class=\"n\">")
          .append(num(pct(t.negativeShare()), t.negativeQuery())).append("</td><td>")
          .append(e == null ? "" : e.isNew() ? "new " + e.since() : num(ratio(e.ratio()) + " since " + e.since(), e.query()))
          .append("</td><td class=\"n\">").append(c == null ? "" : num(rr(c), c.query())).append("</td><td class=\"n\">")
          .append(c == null ? "" : num(pval(c.qValue()), c.query())).append("</td><td class=\"n\">")
          .append(x == null ? "" : num(rr(x), x.query())).append("</td><td class=\"n\">")
          .append(x == null ? "" : num(pval(x.qValue()), x.query())).append("</td></tr>");
    }
    h.append("</table>");
  }

  /** Weekly share of all feedback (bars) and negative share of its mentions (line), alert weeks shaded. */
  private static void chart(StringBuilder h, FrictionReport.TopicReport t) {
    List<SeriesPoint> pts = t.weekly().points();
    if (pts.isEmpty()) return;
    int w = 720, hgt = 150, left = 44, right = 40, top = 10, bottom = 22;
    double plotW = w - left - right, plotH = hgt - top - bottom;
    double max = 0;
    for (SeriesPoint p : pts) if (!Double.isNaN(p.share())) max = Math.max(max, p.share());
    max = max <= 0 ? 0.01 : niceCeil(max);
    double bw = plotW / pts.size();
    h.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(hgt).append("\" width=\"").append(w).append("\" height=\"").append(hgt)
        .append("\" role=\"img\" aria-label=\"weekly share and negative share of ").append(escape(t.label())).append("\">");
    EmergingAlert e = t.emerging();
    if (e != null) {
      int i0 = index(pts, e.since()), i1 = e.until() == null ? pts.size() - 1 : index(pts, e.until());
      if (i0 >= 0 && i1 >= i0) {
        h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#fde8e6\"/>",
            left + i0 * bw, top, (i1 - i0 + 1) * bw, plotH));
      }
    }
    for (int i = 0; i < pts.size(); i++) {
      SeriesPoint p = pts.get(i);
      double v = Double.isNaN(p.share()) ? 0 : p.share();
      double bh = plotH * v / max;
      h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#7a9cc6\"><title>",
          left + i * bw + 1, top + plotH - bh, Math.max(1, bw - 2), bh))
          .append(p.start()).append(": ").append(fmtInt(p.volume())).append(" of ").append(fmtInt(p.total())).append(" (")
          .append(pct(p.share())).append("), negative ").append(pct(p.negativeShare())).append("</title></rect>");
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < pts.size(); i++) {
      double ns = pts.get(i).negativeShare();
      if (Double.isNaN(ns)) continue;
      line.append(line.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", left + (i + 0.5) * bw, top + plotH * (1 - ns)));
    }
    if (!line.isEmpty()) h.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.6\"/>");
    h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#99a3ad\"/>", left, top + plotH, left + plotW, top + plotH));
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" fill=\"#3b5f8a\">%s</text>", left - 4, top + 8, pct(max)));
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#3b5f8a\">0%%</text>", left - 4, top + plotH));
    h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#c0392b\">100%%</text>", left + plotW + 4, top + 8));
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#5d6875\">%s</text>", left, hgt - 6, pts.get(0).start()));
    h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" fill=\"#5d6875\">%s</text>",
        left + plotW, hgt - 6, pts.get(pts.size() - 1).start()));
    h.append("</svg><div class=\"legend\">bars: weekly share of all feedback (left axis) · red line: negative share of its mentions (right axis)")
        .append(e != null ? " · shaded: emerging alert" : "").append("</div>");
    query(h, t.weekly().query());
  }

  private static int index(List<SeriesPoint> pts, LocalDate week) {
    for (int i = 0; i < pts.size(); i++) if (!pts.get(i).start().isBefore(week)) return i;
    return -1;
  }

  private static double niceCeil(double v) {
    double e = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * e >= v) return m * e;
    return 10 * e;
  }

  private static void query(StringBuilder h, String q) {
    h.append("<p class=\"q\">search: <code>").append(escape(q)).append("</code></p>");
  }

  private static String num(String text, String query) {
    return "<span title=\"search: " + escape(query) + "\">" + escape(text) + "</span>";
  }

  private static String rr(Association a) {
    return fmt2(a.relativeRisk()) + " (" + fmt2(a.ciLow()) + "–" + fmt2(a.ciHigh()) + ")";
  }

  private static String est(dev.verbatim.trends.stats.Interval i) {
    return String.format(Locale.ROOT, "%.1f", i.estimate()) + (Double.isNaN(i.low()) ? "" :
        String.format(Locale.ROOT, " [%.1f, %.1f]", i.low(), i.high()));
  }

  private static String ratio(@Nullable Double r) {
    return r == null ? "new" : Double.isInfinite(r) ? "∞" : String.format(Locale.ROOT, "%.1f×", r);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String fmt2(double v) {
    return Double.isNaN(v) ? "–" : Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String pval(double p) {
    if (Double.isNaN(p)) return "–";
    return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  static String money(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String fmtInt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** HTML-escapes {@code s} for text and attribute values: {@code & < > " '}. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
