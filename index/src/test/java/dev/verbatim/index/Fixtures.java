package dev.verbatim.index;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small records for index tests, built in code. */
final class Fixtures {
  private Fixtures() {}

  static Redacted redacted(
      String source, String id, Channel channel, String time, @Nullable String account,
      @Nullable Rating rating, String language, String text) {
    return new Redacted(new FeedbackId(source, id), channel, Instant.parse(time), account, null,
        rating, null, Map.of(), List.of(Turn.customer(text)), text, List.of(), language, null);
  }

  /**
   * Six records around the week and month boundaries of March 2026: 2026-03-01 is a Sunday,
   * 2026-03-02 a Monday.
   */
  static List<IndexRecord> six() {
    return List.of(
        IndexRecord.of(redacted("zendesk", "T-1", Channel.TICKET, "2026-03-01T23:59:00Z", "acme",
                new Rating(1, RatingScale.CSAT), "en",
                "I was charged twice for my subscription. Please refund the double charge."))
            .withSentiment("negative", -0.8).withTopics(List.of("billing", "refunds"))
            .withAccount("enterprise", "pro"),
        IndexRecord.of(redacted("zendesk", "T-2", Channel.TICKET, "2026-03-02T00:00:00Z", "globex",
                null, "en", "The invoice shows a double charge again."))
            .withSentiment("negative", -0.5).withTopics(List.of("billing"))
            .withAccount("smb", "basic"),
        IndexRecord.of(redacted("intercom", "C-1", Channel.CHAT, "2026-02-28T12:00:00Z", "acme",
                null, "en", "Onboarding was smooth and the team was helpful."))
            .withSentiment("positive", 0.7).withTopics(List.of("onboarding"))
            .withAccount("enterprise", "pro"),
        IndexRecord.of(redacted("play", "R-1", Channel.REVIEW, "2026-03-31T23:59:59Z", null,
                new Rating(3, RatingScale.STARS), "de", "Die App ist okay."))
            .withSentiment("neutral", 0.0).withTopics(List.of("app")),
        IndexRecord.of(redacted("play", "R-2", Channel.REVIEW, "2026-04-01T00:00:00Z", "initech",
                new Rating(5, RatingScale.STARS), "en", "Fast app, love the new dashboard."))
            .withSentiment("positive", 0.9).withTopics(List.of("app", "performance"))
            .withAccount("smb", "basic"),
        IndexRecord.of(redacted("survey", "S-1", Channel.SURVEY, "2026-03-15T08:00:00Z", "globex",
                new Rating(2, RatingScale.NPS), "en",
                "Dashboard is slow <script>alert(1)</script> & buggy. \u001b[31mRed\u001b[0m"))
            .withSentiment("negative", -0.6).withTopics(List.of("performance"))
            .withAccount("smb", "basic"));
  }

  static void index(Path dir, List<IndexRecord> records) throws IOException {
    try (FeedbackIndexer ix = FeedbackIndexer.open(dir, "run-test", 1000)) {
      for (IndexRecord r : records) ix.apply(r);
    }
  }
}
