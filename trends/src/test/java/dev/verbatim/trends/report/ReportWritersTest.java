package dev.verbatim.trends.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.index.RecordFacts;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import dev.verbatim.trends.InMemoryTrendSource;
import dev.verbatim.trends.TrendSettings;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The three writers show the same numbers, and no customer string reaches the HTML unescaped. */
class ReportWritersTest {
  static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> \"&";

  static FrictionReport report() throws IOException {
    Random rnd = new Random(11);
    List<RecordFacts> facts = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();
    List<AccountOutcome> outcomes = new ArrayList<>();
    LocalDate start = LocalDate.of(2026, 1, 5);
    for (int a = 0; a < 60; a++) {
      accounts.add(new Account("acc" + a, LocalDate.of(2025, 1, 1), a % 3 == 0 ? "enterprise" : "smb", null, 1000.0 * (a + 1)));
      if (a < 12) outcomes.add(new AccountOutcome("acc" + a, AccountOutcome.Type.CHURN, start.plusWeeks(18), null));
    }
    for (int w = 0; w < 20; w++) {
      for (int i = 0; i < 80; i++) {
        int a = rnd.nextInt(60);
        boolean hostile = rnd.nextDouble() < (w >= 15 ? 0.3 : 0.05) || (a < 12 && w >= 8 && w < 18 && i % 5 == 0);
        var t = start.plusWeeks(w).plusDays(rnd.nextInt(7)).atTime(9, 0).toInstant(ZoneOffset.UTC);
        facts.add(new RecordFacts("src/" + w + "-" + i, HOSTILE + " #" + w + "-" + i, "src", "survey", "en", "acc" + a,
            a % 3 == 0 ? "enterprise" : "smb", null, t, hostile ? "negative" : "positive", hostile ? -0.7 : 0.6, null,
            hostile ? List.of("<b>evil</b>") : List.of("calm"), hostile ? List.of("<b>evil</b>") : List.of(),
            hostile ? List.of() : List.of("calm"), hostile ? 3.0 : 9.0, "nps", false));
      }
    }
    return FrictionAnalysis.run(new InMemoryTrendSource(facts), accounts, outcomes,
        Map.of("<b>evil</b>", "Evil <label> & \"co\""), TrendSettings.defaults(),
        new SentimentAccuracy(0.87, 0.82, 0.91, 400, "reviewer labels <test>"));
  }

  @Test
  void htmlEscapesEveryCustomerStringAndIsSelfContained() throws IOException {
    String html = HtmlReport.render(report());
    assertFalse(html.contains("<script"), "raw script tag");
    assertFalse(html.contains("<img"), "raw img tag");
    assertFalse(html.contains("<b>evil"), "raw topic id");
    assertFalse(html.contains("<label>"), "raw label");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("Evil &lt;label&gt; &amp; &quot;co&quot;"));
    assertTrue(html.contains("<svg"));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"") || html.contains("<link"),
        "no external resources");
    assertTrue(html.contains("87.0%"), "sentiment accuracy shown");
    assertTrue(html.contains(HtmlReport.escape("topic_negative:\"<b>evil</b>\"")), "queries shown");
  }

  @Test
  void jsonAndCsvCarryTheSameNumbers() throws IOException {
    FrictionReport r = report();
    JsonNode json = new ObjectMapper().readTree(JsonReport.toString(r));
    JsonNode evil = null;
    for (JsonNode t : json.get("topics")) if (t.get("id").asText().equals("<b>evil</b>")) evil = t;
    FrictionReport.TopicReport t = r.topic("<b>evil</b>");
    assertEquals(t.volume(), evil.get("volume").asLong());
    assertEquals(t.negativeShare(), evil.get("negative_share").asDouble(), 1e-12);
    for (String f : List.of("relative_risk", "ci_low", "ci_high", "p_value", "q_value", "accounts", "arr")) {
      assertTrue(evil.get("churn").has(f), f);
      assertTrue(evil.get("expansion").has(f), f);
    }
    assertTrue(evil.get("emerging").isNull() || evil.get("emerging").has("since"));
    assertTrue(evil.get("verbatims").size() >= 3 && evil.get("verbatims").size() <= 5);
    assertEquals(0.87, json.get("sentiment_accuracy").get("accuracy").asDouble(), 1e-12);

    StringBuilder csv = new StringBuilder();
    CsvReport.write(r, csv);
    List<CSVRecord> rows = CSVParser.parse(csv.toString(), CSVFormat.RFC4180.builder().setHeader().get()).getRecords();
    assertEquals(r.topics().size(), rows.size());
    CSVRecord row = rows.stream().filter(x -> x.get("id").equals("<b>evil</b>")).findFirst().orElseThrow();
    assertEquals(t.volume(), Long.parseLong(row.get("volume")));
    assertEquals(CsvReport.n(t.churn().relativeRisk()), row.get("churn_relative_risk"));
    assertEquals(CsvReport.n(t.churn().qValue()), row.get("churn_q_value"));
    assertEquals("'=1+1", CsvReport.safe("=1+1"));
  }
}
