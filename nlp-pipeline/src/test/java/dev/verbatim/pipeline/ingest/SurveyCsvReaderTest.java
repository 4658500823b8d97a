package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCsvReaderTest {
  @TempDir Path tmp;

  @Test
  void readsNpsExportWithScoreOnlyRowsAndOutOfScaleScores() {
    Collected<Feedback> c = Collected.read(new SurveyCsvReader(), "nps-survey.csv");
    c.assertCounts(3, 1);
    Feedback r9 = byId(c.ok(), "r-9");
    assertEquals("nps-survey", r9.id().source());
    assertEquals(Channel.SURVEY, r9.channel());
    assertEquals(Instant.parse("2026-03-04T12:00:00Z"), r9.eventTime());
    assertEquals(9.0, r9.rating().value());
    assertEquals(RatingScale.NPS, r9.rating().scale());
    assertEquals("li@globex.example", r9.customerId());
    assertEquals("globex", r9.accountId());
    assertEquals("NPS Q1", r9.meta().get("survey"));
    assertEquals("Great support team, pricing is still unclear though.", r9.customerText());

    Feedback scoreOnly = byId(c.ok(), "r-11");
    assertTrue(scoreOnly.turns().isEmpty());
    assertEquals(7.0, scoreOnly.rating().value());
    assertNull(scoreOnly.accountId());

    var out = c.rejectedAt(5);
    assertEquals(Reason.RATING_OUT_OF_SCALE, out.reason());
    assertTrue(out.detail().contains("11") && out.detail().contains("nps scale 0-10"), out.detail());
  }

  @Test
  void detectsTheScalePerRowFromTheSurveyName() {
    Collected<Feedback> c = Collected.read(new SurveyCsvReader(), "csat-survey.csv");
    c.assertCounts(2, 2);
    assertEquals(RatingScale.CSAT, byId(c.ok(), "c-1").rating().scale());
    assertEquals("acme", byId(c.ok(), "c-1").accountId());
    assertEquals("a@x.example", byId(c.ok(), "c-1").customerId());
    assertEquals(RatingScale.CES, byId(c.ok(), "c-3").rating().scale());
    assertEquals(Reason.RATING_OUT_OF_SCALE, c.rejectedAt(3).reason());
    assertEquals(Reason.EMPTY_TEXT, c.rejectedAt(5).reason());
  }

  /** A survey tool's "1970-01-01" for an unknown date used to be indexed as a 1970 response. */
  @Test
  void placeholderDatesAreRejectedAsBadTime() throws IOException {
    Path f = tmp.resolve("nps.csv");
    Files.writeString(f, "response_id,submitted_at,score,comment\nr-1,1970-01-01,9,ok\nr-2,2026-03-01,8,fine\n");
    Collected<Feedback> c = Collected.read(new SurveyCsvReader(), f);
    c.assertCounts(1, 1);
    assertEquals(Reason.BAD_TIME, c.rejectedAt(2).reason());
    assertTrue(c.rejectedAt(2).detail().contains("outside 1990-2099"), c.rejectedAt(2).detail());
  }

  @Test
  void aGivenScaleWins() {
    Collected<Feedback> c =
        Collected.read(new SurveyCsvReader(ColumnMapping.none(), RatingScale.CES, 1 << 20), "nps-survey.csv");
    assertEquals(Reason.RATING_OUT_OF_SCALE, c.rejectedAt(2).reason(), "9 is off the CES scale 1-7");
    assertEquals(RatingScale.CES, byId(c.ok(), "r-10").rating().scale());
  }

  @Test
  void headerNamesTheScaleAndMissingIdsAreStableHashes() throws IOException {
    Path f = tmp.resolve("csat.csv");
    Files.writeString(f, "date,csat_score,comment\n2026-03-01,4,ok\n2026-03-01,6,too high\n");
    Collected<Feedback> c = Collected.read(new SurveyCsvReader(), f);
    c.assertCounts(1, 1);
    assertEquals(RatingScale.CSAT, c.ok().get(0).rating().scale());
    assertEquals(
        c.ok().get(0).id(), Collected.read(new SurveyCsvReader(), f).ok().get(0).id(), "idempotent ids");
  }

  @Test
  void noCommentNorScoreColumnRejectsEveryRow() throws IOException {
    Path f = tmp.resolve("odd.csv");
    Files.writeString(f, "when,what\n2026-03-01,x\n");
    Collected<Feedback> c = Collected.read(new SurveyCsvReader(), f);
    c.assertCounts(0, 1);
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(2).reason());
    assertTrue(c.rejectedAt(2).detail().contains("--map"));
  }
}
