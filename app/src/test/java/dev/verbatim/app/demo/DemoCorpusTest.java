package dev.verbatim.app.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the default demo corpus against its own planted truth, reading the files with Jackson and
 * commons-csv directly (not with Verbatim's ingest adapters). The corpus is generated once per class.
 */
class DemoCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BILLING = Pattern.compile("(?i)twice|double|duplicate|dos veces|deux fois|doppelt");
  private static final Pattern BANK = Pattern.compile("(?i)bank");

  @TempDir static Path dir;
  static DemoManifest manifest;
  static JsonNode tickets;
  static JsonNode chats;
  static List<CSVRecord> reviews;
  static List<CSVRecord> survey;
  static List<JsonNode> labels;

  @BeforeAll
  static void generate() throws IOException {
    manifest = DemoCorpus.generate(DemoSettings.defaults(), dir);
    tickets = JSON.readTree(dir.resolve("tickets.json").toFile());
    chats = JSON.readTree(dir.resolve("chats.json").toFile());
    reviews = csv(dir.resolve("reviews.csv"));
    survey = csv(dir.resolve("survey.csv"));
    labels = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("demo-labels.jsonl"))) labels.add(JSON.readTree(line));
  }

  static List<CSVRecord> csv(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(false)
          .get().parse(r).getRecords();
    }
  }

  @Test
  void writesAtLeastTwentyThousandRecordsOverFourChannelsAndCountsMatchTheManifest() throws IOException {
    assertEquals(DemoCorpus.FILES, manifest.files().stream().map(DemoManifest.WrittenFile::name).toList());
    assertEquals(manifest.records("tickets.json"), tickets.get("tickets").size());
    assertEquals(manifest.records("chats.json"), chats.get("conversations").size());
    assertEquals(manifest.records("reviews.csv"), reviews.size());
    assertEquals(manifest.records("survey.csv"), survey.size());
    assertEquals(manifest.records("accounts.csv"), csv(dir.resolve("accounts.csv")).size());
    assertEquals(manifest.records("outcomes.csv"), csv(dir.resolve("outcomes.csv")).size());
    assertEquals(manifest.records("demo-labels.jsonl"), labels.size());
    long feedback = tickets.get("tickets").size() + chats.get("conversations").size() + reviews.size() + survey.size();
    assertEquals(manifest.truth().feedbackRecords(), feedback);
    assertTrue(feedback >= 20_000, "records: " + feedback);
    assertEquals(400, manifest.records("accounts.csv"));
    JsonNode truthFile = JSON.readTree(dir.resolve("planted-truth.json").toFile());
    assertEquals(42, truthFile.get("seed").asInt());
    assertEquals("2026-06-01", truthFile.at("/truth/growth/start").asText());
  }

  @Test
  void exportsHaveTheShapesRealToolsWrite() throws IOException {
    JsonNode t = tickets.get("tickets").get(0);
    for (String f : List.of("id", "subject", "description", "status", "requester_id", "created_at", "comments", "via")) {
      assertTrue(t.has(f), f);
    }
    JsonNode c = t.get("comments").get(0);
    for (String f : List.of("author_id", "public", "body", "html_body", "plain_body", "created_at")) assertTrue(c.has(f), f);
    Set<String> roles = new HashSet<>();
    tickets.get("users").forEach(u -> roles.add(u.get("role").asText()));
    assertEquals(Set.of("end-user", "agent"), roles);
    tickets.get("organizations").forEach(o -> assertTrue(o.get("external_id").asText().startsWith("acc-")));
    assertTrue(count(tickets.get("tickets"), tk -> hasPrivateNote(tk)) > 100, "private notes");
    assertTrue(count(tickets.get("tickets"), DemoCorpusTest::hasQuotedReply) > 100, "quoted replies");

    JsonNode conv = chats.get("conversations").get(0);
    assertEquals("conversation", conv.get("type").asText());
    assertTrue(conv.at("/source/body").asText().startsWith("<p>"));
    Set<String> authors = new HashSet<>();
    Set<String> partTypes = new HashSet<>();
    chats.get("conversations").forEach(cv -> cv.at("/conversation_parts/conversation_parts").forEach(p -> {
      authors.add(p.at("/author/type").asText());
      partTypes.add(p.get("part_type").asText());
    }));
    assertEquals(Set.of("user", "admin", "bot"), authors);
    assertTrue(partTypes.containsAll(Set.of("comment", "note", "assignment", "close")), partTypes.toString());

    try (Reader r = Files.newBufferedReader(dir.resolve("reviews.csv"))) {
      var header = CSVFormat.DEFAULT.parse(r).iterator().next().toList();
      assertEquals(List.of(CsvExports.REVIEW_HEADER), header);
    }
    assertEquals(List.of(CsvExports.SURVEY_HEADER), survey.get(0).getParser().getHeaderNames());
    Set<String> langs = new HashSet<>();
    reviews.forEach(r -> langs.add(r.get(3)));
    assertTrue(langs.containsAll(Set.of("en", "es", "fr", "de")), langs.toString());
    assertTrue(reviews.stream().anyMatch(r -> r.size() > 11 && r.get(11).contains("\n")), "multi-line review");
    assertTrue(reviews.stream().anyMatch(r -> r.size() > 14 && !r.get(14).isEmpty()), "developer replies");
    long empty = survey.stream().filter(r -> r.size() == 7 && r.get(4).isEmpty()).count();
    assertTrue(empty >= manifest.truth().scoreOnlySurveyRows(), "score-only rows");
  }

  private static boolean hasQuotedReply(JsonNode tk) {
    for (JsonNode c : tk.get("comments")) if (c.get("body").asText().contains(" wrote:\n> ")) return true;
    return false;
  }

  private static boolean hasPrivateNote(JsonNode tk) {
    for (JsonNode c : tk.get("comments")) if (!c.get("public").asBoolean()) return true;
    return false;
  }

  private static long count(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    long n = 0;
    for (JsonNode x : array) if (p.test(x)) n++;
    return n;
  }

  @Test
  void growthOfTheDoubleChargeIsVisibleInRawKeywordCounts() {
    Instant start = Instant.parse("2026-06-01T00:00:00Z");
    long[] hits = new long[2];
    long[] all = new long[2];
    for (CSVRecord r : reviews) {
      if (r.size() != 16) continue;
      Instant t = parse(r.get(5));
      if (t == null || r.get(11).isEmpty()) continue;
      int i = t.isBefore(start) ? 0 : 1;
      all[i]++;
      if (BILLING.matcher(r.get(11)).find()) hits[i]++;
    }
    for (JsonNode tk : tickets.get("tickets")) {
      Instant t = parse(tk.get("created_at").asText());
      String body = tk.get("comments").get(0).get("body").asText();
      if (t == null || body.isEmpty()) continue;
      int i = t.isBefore(start) ? 0 : 1;
      all[i]++;
      if (BILLING.matcher(body).find()) hits[i]++;
    }
    double before = (double) hits[0] / all[0];
    double after = (double) hits[1] / all[1];
    assertTrue(after / before > 3.0 && after / before < 5.5, String.format(Locale.ROOT, "rate %.4f -> %.4f", before, after));
    PlantedTruth.Growth g = manifest.truth().growth();
    assertEquals(4.0, g.multiplier());
    assertTrue(g.shareAfter() / g.shareBefore() > 3.3, g.toString());
  }

  @Test
  void churnedAccountsMentionTheBankMoreAndThePlantedRiskHoldsWithinSegments() throws IOException {
    Map<String, StringBuilder> textByAccount = customerTextByAccount();
    Set<String> churned = new HashSet<>();
    for (CSVRecord r : csv(dir.resolve("outcomes.csv"))) if (r.get("type").equals("churn")) churned.add(r.get("account_id"));
    int[] mention = new int[2];
    int[] n = new int[2];
    for (CSVRecord a : csv(dir.resolve("accounts.csv"))) {
      int i = churned.contains(a.get("account_id")) ? 1 : 0;
      n[i]++;
      StringBuilder sb = textByAccount.get(a.get("account_id"));
      if (sb != null && BANK.matcher(sb).find()) mention[i]++;
    }
    double churnRate = (double) mention[1] / n[1];
    double retainedRate = (double) mention[0] / n[0];
    assertTrue(churnRate > 2 * retainedRate, churnRate + " vs " + retainedRate);

    PlantedTruth.OutcomeLink churn = manifest.truth().outcomeLinks().get(0);
    assertEquals("bank_sync", churn.theme());
    assertEquals(3.0, churn.plantedRelativeRisk());
    assertTrue(Math.abs(churn.realizedRelativeRiskMh() - 3.0) < 0.6, churn.toString());
    for (PlantedTruth.Stratum s : churn.strata()) {
      if (s.segment().equals("enterprise")) continue; // too few churners to be near 3 by rounding
      double rr = ((double) s.exposedWithOutcome() / s.exposed()) / ((double) s.unexposedWithOutcome() / s.unexposed());
      assertTrue(rr > 2.0 && rr < 4.5, s.toString());
    }
    PlantedTruth.Confounder conf = manifest.truth().confounder();
    assertTrue(conf.raisedShareBySegment().get("enterprise") > 0.5);
    assertTrue(conf.raisedShareBySegment().get("smb") < 0.1);
  }

  @Test
  void churnThemeMentionsFallInTheNinetyDaysBeforeChurn() throws IOException {
    Map<String, java.time.LocalDate> churnDate = new HashMap<>();
    for (CSVRecord r : csv(dir.resolve("outcomes.csv"))) {
      if (r.get("type").equals("churn")) churnDate.put(r.get("account_id"), java.time.LocalDate.parse(r.get("event_date")));
    }
    Map<String, Instant> lastMention = new TreeMap<>();
    int churnedMentions = 0;
    for (JsonNode l : labels) {
      if (l.get("account_id").isNull() || !l.toString().contains("\"theme\":\"bank_sync\"")) continue;
      String acc = l.get("account_id").asText();
      Instant t = Instant.parse(l.get("event_time").asText());
      java.time.LocalDate churned = churnDate.get(acc);
      if (churned != null) {
        Instant end = churned.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertTrue(t.isBefore(end) && !t.isBefore(end.minus(java.time.Duration.ofDays(91))), acc + " " + t);
        churnedMentions++;
      } else {
        lastMention.merge(acc, t, (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    assertTrue(churnedMentions > 50, "mentions by churned accounts: " + churnedMentions);
    Instant lastWindow = Instant.parse("2026-09-01T00:00:00Z");
    lastMention.forEach((acc, t) -> assertTrue(t.isAfter(lastWindow), acc + " last raised it " + t));
  }

  /** Customer-written text per account: ticket comments by end-users, chat user parts, survey comments. */
  private static Map<String, StringBuilder> customerTextByAccount() {
    Map<Long, String> orgAccount = new HashMap<>();
    tickets.get("organizations").forEach(o -> orgAccount.put(o.get("id").asLong(), o.get("external_id").asText()));
    Set<Long> endUsers = new HashSet<>();
    tickets.get("users").forEach(u -> {
      if (u.get("role").asText().equals("end-user")) endUsers.add(u.get("id").asLong());
    });
    Map<String, StringBuilder> text = new TreeMap<>();
    for (JsonNode tk : tickets.get("tickets")) {
      if (tk.get("organization_id").isNull()) continue;
      StringBuilder sb = text.computeIfAbsent(orgAccount.get(tk.get("organization_id").asLong()), k -> new StringBuilder());
      for (JsonNode c : tk.get("comments")) {
        if (c.get("public").asBoolean() && endUsers.contains(c.get("author_id").asLong())) {
          String body = c.get("body").asText();
          int quote = body.indexOf("\n\nOn ");
          sb.append(quote >= 0 ? body.substring(0, quote) : body).append('\n');
        }
      }
    }
    for (JsonNode cv : chats.get("conversations")) {
      JsonNode acc = cv.at("/custom_attributes/account_id");
      if (acc.isMissingNode()) continue;
      StringBuilder sb = text.computeIfAbsent(acc.asText(), k -> new StringBuilder());
      sb.append(cv.at("/source/body").asText()).append('\n');
      for (JsonNode p : cv.at("/conversation_parts/conversation_parts")) {
        if (p.at("/author/type").asText().equals("user")) sb.append(p.get("body").asText()).append('\n');
      }
    }
    for (CSVRecord r : survey) {
      if (r.size() == 7 && !r.get(6).isEmpty()) text.computeIfAbsent(r.get(6), k -> new StringBuilder()).append(r.get(4));
    }
    return text;
  }

  @Test
  void plantedPiiIsCountedAndEveryValueSitsInItsRecord() {
    Map<String, Long> counted = new TreeMap<>();
    Map<String, String> recordText = new HashMap<>();
    tickets.get("tickets").forEach(t -> recordText.put("tickets.json/" + t.get("id").asText(), t.get("comments").toString()));
    chats.get("conversations").forEach(c -> recordText.put("chats.json/" + c.get("id").asText(), c.toString()));
    for (CSVRecord r : reviews) {
      if (r.size() == 16) recordText.put("reviews.csv/" + r.get(15).substring(r.get(15).indexOf('=') + 1), r.get(11));
    }
    for (CSVRecord r : survey) if (r.size() == 7) recordText.put("survey.csv/" + r.get(0), r.get(4));
    for (JsonNode l : labels) {
      for (JsonNode p : l.get("pii")) {
        String type = p.get("type").asText();
        String value = p.get("value").asText();
        counted.merge(type, 1L, Long::sum);
        String text = recordText.get(l.get("file").asText() + "/" + l.get("id").asText());
        assertTrue(text != null && text.contains(value), value);
        if (type.equals("card")) assertTrue(Pii.luhnValid(value), value);
        if (type.equals("iban")) assertTrue(Pii.ibanValid(value), value);
      }
    }
    Map<String, Long> truth = new TreeMap<>(manifest.truth().pii());
    long total = truth.remove("total");
    assertEquals(truth, counted);
    assertEquals(counted.values().stream().mapToLong(Long::longValue).sum(), total);
    for (String kind : List.of("email", "phone", "card", "iban", "person_name", "ip")) {
      assertTrue(counted.getOrDefault(kind, 0L) >= 50, kind + " " + counted);
    }
  }

  @Test
  void malformedRowsInTheFilesMatchThePlantedCounts() {
    Map<String, Map<String, Long>> seen = new TreeMap<>();
    for (CSVRecord r : reviews) {
      String kind = null;
      if (r.size() != 16) kind = "wrong_column_count";
      else if (r.get(9).equals("0")) kind = "star_rating_0";
      else if (r.get(9).equals("6")) kind = "star_rating_6";
      else if (parse(r.get(5)) == null) kind = "bad_date";
      else if (r.get(11).isBlank()) kind = "missing_text";
      if (kind != null) seen.computeIfAbsent("reviews.csv", k -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    for (CSVRecord r : survey) {
      String kind = null;
      if (r.size() != 7) kind = "wrong_column_count";
      else if (!r.get(3).matches("\\d+")) kind = "score_not_a_number";
      else if (Integer.parseInt(r.get(3)) > 10) kind = "nps_score_11";
      else if (parse(r.get(1)) == null) kind = "bad_date";
      if (kind != null) seen.computeIfAbsent("survey.csv", k -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    for (JsonNode tk : tickets.get("tickets")) {
      String kind = null;
      if (parse(tk.get("created_at").asText()) == null) kind = "bad_created_at";
      else if (tk.get("comments").get(0).get("body").asText().isBlank()) kind = "empty_customer_text";
      if (kind != null) seen.computeIfAbsent("tickets.json", k -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    for (JsonNode cv : chats.get("conversations")) {
      String kind = null;
      if (!cv.get("created_at").isNumber()) kind = "bad_created_at";
      else if (cv.at("/source/body").asText().equals("<p></p>")) kind = "empty_customer_text";
      if (kind != null) seen.computeIfAbsent("chats.json", k -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    assertEquals(manifest.truth().malformed(), seen);
    long malformed = seen.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    assertTrue(malformed < 0.03 * manifest.truth().feedbackRecords(), "at most a few percent: " + malformed);
    assertEquals(manifest.truth().feedbackRecords() - malformed, manifest.truth().validFeedbackRecords());
  }

  @Test
  void surveyResubmissionsRepeatTheirOriginalMinutesLater() {
    Map<String, CSVRecord> byId = new HashMap<>();
    for (CSVRecord r : survey) byId.put(r.get(0), r);
    long n = 0;
    for (JsonNode l : labels) {
      if (l.get("duplicate_of").isNull()) continue;
      n++;
      CSVRecord dup = byId.get(l.get("id").asText());
      CSVRecord orig = byId.get(l.get("duplicate_of").asText());
      assertEquals(List.of(orig.get(3), orig.get(4), orig.get(5), orig.get(6)),
          List.of(dup.get(3), dup.get(4), dup.get(5), dup.get(6)));
      assertFalse(orig.get(4).isEmpty());
      long seconds = java.time.Duration.between(Instant.parse(orig.get(1)), Instant.parse(dup.get(1))).getSeconds();
      assertTrue(seconds >= 30 && seconds <= 300, seconds + " s");
    }
    assertEquals(manifest.truth().surveyResubmissions(), n);
    assertTrue(n >= 10, "resubmissions: " + n);
  }

  @Test
  void textIsVariedMixedAndNoisy() {
    Set<String> distinct = new HashSet<>();
    long texts = 0;
    for (CSVRecord r : reviews) {
      if (r.size() == 16 && !r.get(11).isEmpty()) {
        texts++;
        distinct.add(r.get(11));
      }
    }
    assertTrue(distinct.size() > 0.7 * texts, distinct.size() + " distinct of " + texts);
    long mixed = labels.stream().filter(l -> l.get("mixed").asBoolean()).count();
    long sarcasm = labels.stream().filter(l -> l.toString().contains("\"sarcasm\":true")).count();
    long multi = labels.stream().filter(l -> l.get("themes").size() >= 2).count();
    assertTrue(mixed > 1000 && sarcasm > 500 && multi > 5000, mixed + " " + sarcasm + " " + multi);
    Set<String> themes = new HashSet<>();
    labels.forEach(l -> l.get("themes").forEach(t -> themes.add(t.get("theme").asText())));
    assertTrue(themes.size() >= 12, themes.toString());
    String reviewText = String.join("\n", reviews.stream().filter(r -> r.size() == 16).map(r -> r.get(11)).toList());
    assertTrue(reviewText.contains("👍") || reviewText.contains("😤"), "emoji");
    assertTrue(reviewText.contains("dont ") || reviewText.contains("cant ") || reviewText.contains("Its "), "missing apostrophes");
  }

  @Test
  void sameSettingsGiveByteIdenticalFiles(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
    DemoSettings small = DemoSettings.defaults().withRecords(1_200).withAccounts(60);
    DemoCorpus.generate(small, a);
    DemoCorpus.generate(small, b);
    DemoCorpus.generate(small.withSeed(43), c);
    for (String f : DemoCorpus.FILES) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("tickets.json")), Files.readAllBytes(c.resolve("tickets.json"))));
  }

  @Test
  void nullCorpusPlantsNoAssociation(@TempDir Path out) throws IOException {
    DemoManifest m = DemoCorpus.generate(DemoSettings.defaults().withRecords(2_000).withPlantedEffects(false), out);
    PlantedTruth t = m.truth();
    assertFalse(t.plantedEffects());
    assertEquals(1.0, t.growth().multiplier());
    for (PlantedTruth.OutcomeLink l : t.outcomeLinks()) {
      assertEquals(1.0, l.plantedRelativeRisk());
      assertTrue(l.realizedRelativeRiskMh() > 0.6 && l.realizedRelativeRiskMh() < 1.6, l.toString());
    }
    var share = t.confounder().raisedShareBySegment();
    assertTrue(Math.abs(share.get("enterprise") - share.get("smb")) < 0.2, share.toString());
    assertTrue(t.pii().get("total") > 0, "PII is planted in a null corpus too");
  }

  @Test
  void canonicalJsonlWritesValidRecordsDeterministically(@TempDir Path out) throws IOException {
    Path f = out.resolve("bench.jsonl");
    assertEquals(6_000, DemoCorpus.writeCanonicalJsonl(DemoSettings.defaults(), f, 6_000));
    List<String> lines = Files.readAllLines(f);
    assertEquals(6_000, lines.size());
    Set<String> ids = new HashSet<>();
    Map<String, Integer> channels = new TreeMap<>();
    for (String line : lines) {
      JsonNode r = JSON.readTree(line);
      assertTrue(ids.add(r.get("source").asText() + "/" + r.get("id").asText()), "unique id");
      String channel = r.get("channel").asText();
      channels.merge(channel, 1, Integer::sum);
      assertTrue(Set.of("ticket", "chat", "review", "survey").contains(channel));
      assertTrue(parse(r.get("event_time").asText()) != null, line);
      boolean hasText = r.hasNonNull("text") && !r.get("text").asText().isBlank();
      boolean hasTurns = r.has("turns") && r.get("turns").size() > 0;
      assertTrue(hasText || hasTurns, line);
      if (hasTurns) {
        boolean customer = false;
        for (JsonNode turn : r.get("turns")) {
          assertTrue(Set.of("customer", "agent", "bot").contains(turn.get("speaker").asText()));
          customer |= turn.get("speaker").asText().equals("customer") && !turn.get("text").asText().isBlank();
        }
        assertTrue(customer, line);
      }
      if (r.has("rating")) {
        int v = r.get("rating").asInt();
        switch (r.get("rating_scale").asText()) {
          case "stars" -> assertTrue(v >= 1 && v <= 5, line);
          case "nps" -> assertTrue(v >= 0 && v <= 10, line);
          default -> throw new AssertionError(line);
        }
      }
    }
    assertEquals(4, channels.size());
    Path g = out.resolve("again.jsonl");
    DemoCorpus.writeCanonicalJsonl(DemoSettings.defaults(), g, 1_000);
    assertEquals(lines.subList(0, 1_000), Files.readAllLines(g), "record i does not depend on n");
    var one = new java.io.ByteArrayOutputStream();
    var three = new java.io.ByteArrayOutputStream();
    new CanonicalWriter(DemoSettings.defaults()).write(one, 3_000, 1);
    new CanonicalWriter(DemoSettings.defaults()).write(three, 3_000, 3);
    assertArrayEquals(one.toByteArray(), three.toByteArray(), "same file whatever the thread count");
  }

  static Instant parse(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
