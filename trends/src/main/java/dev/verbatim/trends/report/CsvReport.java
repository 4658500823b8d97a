package dev.verbatim.trends.report;

import dev.verbatim.trends.Association;
import dev.verbatim.trends.EmergingAlert;
import dev.verbatim.trends.SurveyImpact;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes the numbers of a {@link FrictionReport} as CSV (RFC 4180, header row), one row per topic,
 * the same figures as the JSON without quotes and series. A text cell that a spreadsheet would
 * run as a formula ({@code = + - @} first) is prefixed with {@code '}. Stateless; thread-safe.
 */
public final class CsvReport {
  /** The columns, in order. */
  public static final List<String> HEADER = List.of(
      "id", "label", "friction", "delight", "volume", "share", "negative", "negative_share", "accounts",
      "now_share", "now_negative_share", "baseline_share", "baseline_negative_share",
      "emerging_since", "emerging_until", "emerging_new", "emerging_ratio", "emerging_p_value",
      "churn_relative_risk", "churn_ci_low", "churn_ci_high", "churn_p_value", "churn_q_value", "churn_accounts",
      "churn_arr", "churn_arr_at_risk",
      "churn_negative_relative_risk", "churn_negative_ci_low", "churn_negative_ci_high", "churn_negative_q_value",
      "expansion_relative_risk", "expansion_ci_low", "expansion_ci_high", "expansion_p_value", "expansion_q_value",
      "expansion_accounts", "expansion_arr",
      "nps_raised", "nps_other", "nps_difference", "nps_difference_ci_low", "nps_difference_ci_high",
      "nps_difference_p_value", "csat_raised", "csat_other", "csat_difference", "ces_raised", "ces_other",
      "ces_difference", "query", "negative_query");

  private CsvReport() {}

  /** Writes {@code report} to {@code out}. */
  public static void write(FrictionReport report, Appendable out) throws IOException {
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
      for (FrictionReport.TopicReport t : report.topics()) {
        List<Object> row = new ArrayList<>();
        row.add(safe(t.id()));
        row.add(safe(t.label()));
        row.add(t.friction());
        row.add(t.delight());
        row.add(t.volume());
        row.add(n(t.share()));
        row.add(t.negative());
        row.add(n(t.negativeShare()));
        row.add(t.accounts());
        row.add(n(t.now().share()));
        row.add(n(t.now().negativeShare()));
        row.add(n(t.now().baselineShare()));
        row.add(n(t.now().baselineNegativeShare()));
        EmergingAlert e = t.emerging();
        row.add(e == null ? "" : e.since());
        row.add(e == null || e.until() == null ? "" : e.until());
        row.add(e == null ? "" : e.isNew());
        row.add(e == null || e.ratio() == null ? "" : n(e.ratio()));
        row.add(e == null ? "" : n(e.pValue()));
        Association c = t.churn();
        row.add(c == null ? "" : n(c.relativeRisk()));
        row.add(c == null ? "" : n(c.ciLow()));
        row.add(c == null ? "" : n(c.ciHigh()));
        row.add(c == null ? "" : n(c.pValue()));
        row.add(c == null ? "" : n(c.qValue()));
        row.add(c == null ? "" : c.accounts());
        row.add(c == null ? "" : n(c.arr()));
        row.add(c == null || c.arrAtRisk() == null ? "" : n(c.arrAtRisk()));
        Association cn = t.churnNegative();
        row.add(cn == null ? "" : n(cn.relativeRisk()));
        row.add(cn == null ? "" : n(cn.ciLow()));
        row.add(cn == null ? "" : n(cn.ciHigh()));
        row.add(cn == null ? "" : n(cn.qValue()));
        Association x = t.expansion();
        row.add(x == null ? "" : n(x.relativeRisk()));
        row.add(x == null ? "" : n(x.ciLow()));
        row.add(x == null ? "" : n(x.ciHigh()));
        row.add(x == null ? "" : n(x.pValue()));
        row.add(x == null ? "" : n(x.qValue()));
        row.add(x == null ? "" : x.accounts());
        row.add(x == null ? "" : n(x.arr()));
        SurveyImpact nps = metric(t, "nps"), csat = metric(t, "csat"), ces = metric(t, "ces");
        row.add(nps == null ? "" : n(nps.raised().estimate()));
        row.add(nps == null ? "" : n(nps.other().estimate()));
        row.add(nps == null ? "" : n(nps.difference().estimate()));
        row.add(nps == null ? "" : n(nps.difference().low()));
        row.add(nps == null ? "" : n(nps.difference().high()));
        row.add(nps == null ? "" : n(nps.difference().pValue()));
        row.add(csat == null ? "" : n(csat.raised().estimate()));
        row.add(csat == null ? "" : n(csat.other().estimate()));
        row.add(csat == null ? "" : n(csat.difference().estimate()));
        row.add(ces == null ? "" : n(ces.raised().estimate()));
        row.add(ces == null ? "" : n(ces.other().estimate()));
        row.add(ces == null ? "" : n(ces.difference().estimate()));
        row.add(safe(t.query()));
        row.add(safe(t.negativeQuery()));
        p.printRecord(row);
      }
    }
  }

  private static @Nullable SurveyImpact metric(FrictionReport.TopicReport t, String metric) {
    for (SurveyImpact s : t.survey()) if (s.metric().equals(metric)) return s;
    return null;
  }

  /** A number as plain decimal text, empty for NaN or infinity. */
  static String n(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return "";
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** Neutralises spreadsheet formulas in a text cell. */
  static String safe(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }
}
