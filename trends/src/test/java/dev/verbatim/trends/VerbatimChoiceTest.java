package dev.verbatim.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.index.RecordFacts;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerbatimChoiceTest {
  private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");

  private static RecordFacts fact(String key, int day, List<String> topics, String text) {
    return new RecordFacts(key, text, "src", "ticket", "en", "acc", "smb", null, T.plusSeconds(86_400L * day),
        "negative", -0.8, 0.9, topics, topics, List.of(), null, null, false);
  }

  /** The newest records that merely mention a topic used to be the report's quotes. */
  @Test
  void quotesThatSpeakForTheTopicComeFirstThenTheNewest() throws IOException {
    String clear = "Bank sync fails every single morning and I have to reconnect it by hand.";
    List<RecordFacts> facts = List.of(
        fact("newest-other-main", 9, List.of("t2", "t1"), "Exports are broken and also " + clear),
        fact("newest-too-short", 8, List.of("t1"), "sync broken"),
        fact("focused-old", 1, List.of("t1"), clear),
        fact("focused-newer", 5, List.of("t1"), "The bank connection drops every night, the feed is a day behind."),
        fact("main-not-only", 7, List.of("t1", "t3"), "Bank sync fails again, and the new dashboard is slow too today."),
        fact("same-text", 6, List.of("t1"), clear));
    List<String> keys = new InMemoryTrendSource(facts).verbatims("t1", "negative", null, null, 5).stream()
        .map(Verbatim::key).toList();
    // focused and readable, newest first (focused-old repeats same-text's words: quoted once); then
    // readable and main; then readable; a two-word text last
    assertEquals(List.of("same-text", "focused-newer", "main-not-only", "newest-other-main", "newest-too-short"),
        keys);
  }
}
