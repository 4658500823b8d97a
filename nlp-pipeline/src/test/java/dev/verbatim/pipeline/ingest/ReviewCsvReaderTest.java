package dev.verbatim.pipeline.ingest;

import static dev.verbatim.pipeline.ingest.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCsvReaderTest {
  private final ReviewCsvReader reader = new ReviewCsvReader();

  @TempDir Path tmp;

  @Test
  void readsGooglePlayConsoleExport() {
    Collected<Feedback> c = Collected.read(reader, "play-reviews.csv");
    c.assertCounts(5, 1);
    List<Feedback> ok = c.ok();

    Feedback first = ok.get(0);
    assertEquals("google-play", first.id().source());
    assertEquals(Channel.REVIEW, first.channel());
    assertEquals(Instant.parse("2026-03-03T08:00:00Z"), first.eventTime());
    assertEquals(2.0, first.rating().value());
    assertEquals(RatingScale.STARS, first.rating().scale());
    assertEquals("en", first.language());
    assertEquals("4.12.0", first.meta().get("app_version"));
    assertEquals("a52q", first.meta().get("Device"), "unused columns go to meta under their header");
    assertTrue(first.id().id().startsWith("h"), "no id column: a stable hash");

    Feedback spanish = ok.get(1);
    assertEquals("es", spanish.language());
    assertEquals(List.of(Speaker.CUSTOMER, Speaker.AGENT), spanish.turns().stream().map(t -> t.speaker()).toList());
    assertEquals("La app se cierra cada vez que intento pagar. Muy mal.", spanish.customerText(),
        "the developer reply is not customer text");
    assertEquals(Instant.parse("2026-03-05T10:00:00Z"), spanish.turns().get(1).time());

    Feedback multiLine = ok.get(2);
    assertTrue(multiLine.customerText().startsWith("Love the new budgeting screen!!! "));
    assertTrue(multiLine.customerText().endsWith("\nFinally I can see where my money goes."), "multi-line field");
    assertEquals(4, c.raws.get(2).line(), "a row's line is where it starts");

    assertEquals(Reason.RATING_OUT_OF_SCALE, c.rejectedAt(6).reason());
    assertTrue(c.rejectedAt(6).detail().contains("1-5"));

    Feedback titleOnly = byId(ok, "https://play.google.com/r/abc");
    assertEquals("Nice", titleOnly.customerText(), "the title stands in for an empty text");
    assertEquals("Nice", titleOnly.subject());

    Feedback starsOnly = ok.get(4);
    assertTrue(starsOnly.turns().isEmpty());
    assertEquals(3.0, starsOnly.rating().value());
  }

  @Test
  void hashIdsAreStableAcrossReads() {
    List<String> a = Collected.read(reader, "play-reviews.csv").ok().stream().map(f -> f.id().id()).toList();
    List<String> b = Collected.read(reader, "play-reviews.csv").ok().stream().map(f -> f.id().id()).toList();
    assertEquals(a, b);
    assertEquals(a.size(), a.stream().distinct().count());
  }

  @Test
  void readsGenericColumnNames() {
    Collected<Feedback> c = Collected.read(reader, "reviews-generic.csv");
    c.assertCounts(2, 2);
    Feedback g1 = byId(c.ok(), "g-1");
    assertEquals("reviews", g1.id().source());
    assertEquals("Works well, \"finally\".", g1.customerText());
    assertEquals("Great", g1.subject());
    assertEquals("Ana", g1.customerId());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), g1.eventTime());
    Feedback second = c.ok().get(1);
    assertEquals(Instant.parse("2026-03-02T08:30:00Z"), second.eventTime());
    assertEquals("2.1", second.meta().get("app_version"));
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(4).reason());
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(5).reason());
  }

  @Test
  void columnMappingReadsOtherLayouts() {
    ColumnMapping m =
        ColumnMapping.parse("text=Comment,rating=Stars,time=When,id=RowId,title=Headline,author=User,version=Ver,language=Lang");
    Collected<Feedback> c = Collected.read(new ReviewCsvReader(m, 1 << 20), "reviews-mapped.csv");
    c.assertCounts(1, 0);
    Feedback f = c.ok().get(0);
    assertEquals("m-1", f.id().id());
    assertEquals("Nice app", f.customerText());
    assertEquals("Good", f.subject());
    assertEquals(4.0, f.rating().value());
    assertEquals("de", f.language());
    assertEquals("Ana", f.customerId());
    assertEquals("1.0", f.meta().get("app_version"));
  }

  @Test
  void badMappingSpecIsACallerError() {
    var e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("txt=Comment"));
    assertTrue(e.getMessage().contains("text, title"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("text"));
    assertEquals("Stars", ColumnMapping.parse("score=Stars").column("rating").orElseThrow());
  }

  @Test
  void missingTextColumnRejectsEveryRowNamingTheColumnsAndTheMapOption() {
    Collected<Feedback> c = Collected.read(reader, "reviews-no-text.csv");
    c.assertCounts(0, 2);
    var r = c.rejectedAt(2);
    assertEquals(Reason.MISSING_FIELD, r.reason());
    assertTrue(r.detail().contains("[rating, date, author]") && r.detail().contains("--map text="), r.detail());

    Collected<Feedback> mapped = Collected.read(new ReviewCsvReader(ColumnMapping.parse("text=Nope"), 1000), "reviews-generic.csv");
    mapped.assertCounts(0, 4);
    assertTrue(mapped.rejected().get(0).detail().contains("Nope"));
  }

  @Test
  void latin1RowsAreRejectedAsNotUtf8() throws IOException {
    Path f = tmp.resolve("latin1.csv");
    Files.write(f, "id,text,date\n1,caf\u00e9 au lait,2026-03-01\n2,fine,2026-03-02\n".getBytes(StandardCharsets.ISO_8859_1));
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(1, 1);
    assertEquals(Reason.NOT_UTF8, c.rejectedAt(2).reason());
    assertEquals("fine", byId(c.ok(), "2").customerText());
  }

  @Test
  void unclosedQuoteRejectsTheRestOnce() throws IOException {
    Path f = tmp.resolve("quote.csv");
    Files.writeString(f, "id,text,date\n1,ok,2026-03-01\n2,\"open quote,2026-03-01\n3,fine,2026-03-02\n");
    Collected<Feedback> c = Collected.read(reader, f);
    c.assertCounts(1, 1);
    assertEquals(Reason.MALFORMED_CSV, c.rejectedAt(3).reason());
    assertTrue(c.raws.get(1).content().startsWith("2,\"open quote"));
  }

  @Test
  void emptyAndHeaderOnlyFilesGiveNoRecords() throws IOException {
    Collected.read(reader, Files.createFile(tmp.resolve("e.csv"))).assertCounts(0, 0);
    Path h = tmp.resolve("h.csv");
    Files.writeString(h, "\uFEFFid,text,date\r\n");
    Collected.read(reader, h).assertCounts(0, 0);
  }

  @Test
  void byteOrderMarkAndCrlfDoNotHideTheFirstColumn() throws IOException {
    Path f = tmp.resolve("bom.csv");
    Files.writeString(f, "\uFEFFid,text,date\r\nb-1,hello,2026-03-01\r\n");
    Feedback r = Collected.read(reader, f).ok().get(0);
    assertEquals("b-1", r.id().id());
    assertNull(r.rating());
  }
}
