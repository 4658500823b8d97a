package dev.verbatim.topics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleTermAnalyzerTest {
  private final SimpleTermAnalyzer a = new SimpleTermAnalyzer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@united my Bags were LOST &amp; no one helps https://t.co/x1 | my bag were lost no one help",
        "I'm charged twice, it's the card's fees! | i'm charged twice it the card fee",
        "İstanbul STATUS of 2 cards on 12/03 | istanbul status of card on",
        "XX/XX/XXXX account {$1400.00} | account",
        "The app crashes, matches and boxes | the app crash match and box",
        "Best SaaS vendor | best saas vendor"
      })
  void tokenizes(String in, String expected) {
    assertEquals(List.of(expected.split(" ")), a.tokens(in).stream().map(t -> t.replace("i̇", "i")).toList());
  }

  @Test
  void neverThrowsOnRandomText() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(300);
      for (int j = 0; j < n; j++) sb.appendCodePoint(r.nextInt(0, 0x2FFFF) & 0x10FFFF);
      for (String t : a.tokens(sb.toString())) assertFalse(t.isEmpty());
      SentenceSplitter.split(sb.toString());
    }
  }

  @Test
  void splitsSentencesAndCapsThem() {
    assertEquals(List.of("Card lost.", "Refund now!", "ok?"), SentenceSplitter.split("Card lost. Refund now!\n\nok?"));
    assertEquals(SentenceSplitter.MAX_SENTENCES, SentenceSplitter.split("a b. ".repeat(1000)).size());
  }
}
