package dev.verbatim.app.server;

import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.ReviewQueue;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small workspace built through the real index and review-queue APIs: 60 records over 12 weeks in
 * four channels, a planted theme ("charged twice", topic {@code billing}), a record whose text holds
 * a script tag ({@code zendesk/T-XSS}), a chat with agent turns, a review sample of 8 items, a run
 * report, a topic snapshot and a friction report. Seeded, so every build makes the same one.
 */
final class Fixture {
  static final String PLANTED = "charged twice";
  static final String XSS_KEY = "zendesk/T-XSS";
  static final String XSS_TEXT = "Nice app <script>window.__xss=1;alert(1)</script><img src=x onerror=alert(2)> & more";

  private Fixture() {}

  static Workspace build(Path root) throws IOException {
    Workspace ws = new Workspace(root);
    ws.create();
    Random rnd = new Random(7);
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    List<IndexRecord> records = new ArrayList<>();
    List<PopulationRecord> population = new ArrayList<>();
    String[] channels = {"ticket", "chat", "review", "survey"};
    String[] sources = {"zendesk", "intercom", "google-play", "nps-survey"};
    for (int i = 0; i < 60; i++) {
      int c = i % 4;
      boolean planted = i % 3 == 0;
      String text = planted
          ? "I was " + PLANTED + " for my card this month, please refund the fee."
          : switch (i % 5) {
              case 0 -> "The app crashes when I open the statements screen.";
              case 1 -> "Support was quick and friendly, thanks.";
              case 2 -> "Transfers take too long to arrive.";
              case 3 -> "Login with face id fails every morning.";
              default -> "Great savings features, love the new dashboard.";
            };
      String sentiment = planted || i % 5 == 0 || i % 5 == 2 || i % 5 == 3 ? "negative" : "positive";
      List<String> topics = planted ? List.of("billing") : i % 5 == 0 ? List.of("app") : List.of();
      Instant t = start.plusSeconds(86_400L * (i * 84 / 60)).plusSeconds(rnd.nextInt(3600));
      String id = "T-" + i;
      List<Turn> turns = c == 1
          ? List.of(new Turn(Speaker.CUSTOMER, text, t), new Turn(Speaker.AGENT, "Sorry to hear that, let me check.", t.plusSeconds(60)))
          : List.of(Turn.customer(text));
      records.add(record(sources[c], id, Channel.valueOf(channels[c].toUpperCase(java.util.Locale.ROOT)), t, turns, text,
          sentiment, topics));
      population.add(new PopulationRecord(sources[c] + "/" + id, text, channels[c],
          SentimentLabel.parse(sentiment).orElseThrow(), sentiment.equals("negative") ? -0.6 : 0.6, 0.5 + (i % 5) / 10.0,
          topics, null, null));
    }
    records.add(record("zendesk", "T-XSS", Channel.TICKET, start.plusSeconds(86_400L * 30), List.of(Turn.customer(XSS_TEXT)),
        XSS_TEXT, "positive", List.of("app")));
    try (FeedbackIndexer ix = FeedbackIndexer.open(ws.index(), "run-fixture", 1000)) {
      for (IndexRecord r : records) ix.apply(r);
    }
    try (ReviewQueue q = ReviewQueue.open(ws.validationDb())) {
      q.addSample(new Sampler().draw(population, new SamplePlan(Strategy.STRATIFIED, 8, 1, 0.0, List.of())));
    }
    Files.writeString(ws.runReport("20260401-101500-ab12"),
        "{\"run_id\":\"20260401-101500-ab12\",\"started_at\":\"2026-04-01T10:15:00Z\",\"quarantined\":0}",
        StandardCharsets.UTF_8);
    Files.createDirectories(ws.topics());
    Files.writeString(ws.topics().resolve("model-000001.json"),
        "{\"format\":\"verbatim-topics\",\"version\":1,\"topics\":[{\"id\":\"billing\",\"label\":\"double charges\","
            + "\"topTerms\":[\"charged\",\"twice\",\"refund\"],\"representativeIds\":[],\"size\":20},"
            + "{\"id\":\"app\",\"label\":\"app crashes\",\"topTerms\":[\"crash\"],\"representativeIds\":[],\"size\":13}]}",
        StandardCharsets.UTF_8);
    Path reports = root.resolve("reports");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("friction.json"),
        "{\"title\":\"Friction report\",\"items\":[{\"topic\":\"billing\",\"label\":\"double charges\",\"growth\":2.5}],"
            + "\"topics\":[{\"id\":\"billing\",\"churn\":{\"relative_risk\":3.03}},{\"id\":\"app\",\"churn\":null}]}",
        StandardCharsets.UTF_8);
    Files.writeString(reports.resolve("friction.html"),
        "<!doctype html><html><head><style>h1{color:#333}</style></head><body><h1>Friction report</h1>"
            + "<p>double charges grew 2.5x</p><script>parent.__framed=1</script></body></html>",
        StandardCharsets.UTF_8);
    return ws;
  }

  private static IndexRecord record(String source, String id, Channel channel, Instant t, List<Turn> turns, String text,
      String sentiment, List<String> topics) {
    Redacted r = new Redacted(new FeedbackId(source, id), channel, t, "acc-" + (id.hashCode() & 7), null, null, null,
        Map.of(), turns, text, List.of(), "en", null);
    return IndexRecord.of(r).withSentiment(sentiment, sentiment.equals("negative") ? -0.6 : 0.6).withTopics(topics)
        .withAccount(id.hashCode() % 2 == 0 ? "smb" : "enterprise", "pro");
  }
}
