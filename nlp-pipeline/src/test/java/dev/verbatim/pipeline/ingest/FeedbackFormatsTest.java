package dev.verbatim.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FeedbackFormatsTest {
  private final FeedbackFormats formats = FeedbackFormats.defaults();

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "feedback-good.jsonl, jsonl",
    "feedback-bad-lines.jsonl, jsonl",
    "chat-turns.jsonl, chat-jsonl",
    "zendesk-tickets.json, zendesk",
    "zendesk-truncated.json, zendesk",
    "intercom-conversations.json, intercom",
    "play-reviews.csv, reviews-csv",
    "reviews-generic.csv, reviews-csv",
    "nps-survey.csv, survey-csv",
    "csat-survey.csv, survey-csv",
  })
  void detectsFixtures(String fixture, String format) throws IOException {
    assertEquals(format, formats.detect(Collected.fixture(fixture)).format());
  }

  @Test
  void everyNameHasAReaderOfThatName() {
    for (String name : FeedbackFormats.names()) assertEquals(name, formats.reader(name).format());
    assertEquals(6, FeedbackFormats.names().size());
  }

  @Test
  void unknownFormatNamesTheValidOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> formats.reader("xml"));
    assertTrue(e.getMessage().contains("jsonl, chat-jsonl, zendesk, intercom, reviews-csv, survey-csv"));
  }

  @Test
  void ambiguousOrUnknownContentAsksForFormat() throws IOException {
    Path both = tmp.resolve("both.json");
    Files.writeString(both, "{\"tickets\":[],\"conversations\":[]}");
    var e = assertThrows(IllegalArgumentException.class, () -> formats.detect(both));
    assertTrue(e.getMessage().contains("--format"), e.getMessage());
    Path text = tmp.resolve("notes.txt");
    Files.writeString(text, "hello world\n");
    assertThrows(IllegalArgumentException.class, () -> formats.detect(text));
    Path plainCsv = tmp.resolve("x.csv");
    Files.writeString(plainCsv, "a,b,c\n1,2,3\n");
    assertThrows(IllegalArgumentException.class, () -> formats.detect(plainCsv));
  }

  @Test
  void contentWinsWithoutAnExtension() throws IOException {
    Path noExt = tmp.resolve("export");
    Files.writeString(noExt, "{\"type\":\"conversation.list\",\"conversations\":[]}");
    assertEquals("intercom", formats.detectName(noExt));
    Path lines = tmp.resolve("dump");
    Files.writeString(lines, "{\"conversation_id\":\"1\",\"speaker\":\"bot\",\"text\":\"hi\",\"time\":1}\n");
    assertEquals("chat-jsonl", formats.detectName(lines));
  }

  @Test
  void emptyFilesGetAReaderByExtension() throws IOException {
    assertEquals("jsonl", formats.detectName(Files.createFile(tmp.resolve("e.jsonl"))));
    assertEquals("reviews-csv", formats.detectName(Files.createFile(tmp.resolve("e.csv"))));
  }

  /** JSON Lines saved as .json (a common export name) used to get "cannot tell the format". */
  @Test
  void jsonLinesNamedJsonAreJsonLines() throws IOException {
    Path records = tmp.resolve("feedback.json");
    Files.writeString(records, """
        {"id":"R-1","source":"appstore","channel":"review","event_time":"2026-03-03T08:00:00Z","text":"ok"}
        {"id":"R-2","source":"appstore","channel":"review","event_time":"2026-03-03T09:00:00Z","text":"bad"}
        """);
    assertEquals("jsonl", formats.detectName(records));
    Path turns = tmp.resolve("chats.json");
    Files.writeString(turns, "{\"conversation_id\":\"1\",\"speaker\":\"customer\",\"text\":\"hi\",\"time\":1}\r\n"
        + "{\"conversation_id\":\"1\",\"speaker\":\"agent\",\"text\":\"hello\",\"time\":2}\r\n");
    assertEquals("chat-jsonl", formats.detectName(turns));
    Path oneObject = tmp.resolve("other.json"); // one document of another shape: still asks
    Files.writeString(oneObject, "{\"foo\":[1,2]}\n");
    assertThrows(IllegalArgumentException.class, () -> formats.detect(oneObject));
  }

  /** A semicolon CSV (Excel in much of Europe) used to get only "cannot tell the format". */
  @Test
  void semicolonCsvIsToldToUseCommas() throws IOException {
    Path semi = tmp.resolve("reviews.csv");
    Files.writeString(semi, "rating;title;body;date\n5;a;good;2026-03-01\n");
    var e = assertThrows(IllegalArgumentException.class, () -> formats.detect(semi));
    assertTrue(e.getMessage().contains("separated by ';'") && e.getMessage().contains("--format"), e.getMessage());
  }
}
