package dev.verbatim.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The redactor's gated searches ({@link MatchStarts}) give exactly the matches of a plain {@link
 * Matcher#find()} loop, for the redactor's own patterns (package-private for this test) and their
 * gates, on random text made of the pieces those patterns look for: cue words, street words,
 * house numbers, case variants that only Unicode case folding matches, surrogate pairs, line breaks.
 */
class MatchStartsTest {

  private static final String[] PIECES = {
    "my name is", "My Name Is", "name is", "me llamo", "je m'appelle", "spoke to", "agent", "rep", "hi", "Hi",
    "hello", "hey", "dear", "good morning", "bonjour", "hola", "ciao", "thanks", "thank you", "cheers", "regards",
    "best", "i'm", "I'm", "i am", "this is", "soy", "ich bin", "told", "ask", "Mr", "Mr.", "Mrs", "Dr", "Prof",
    "Herr", "Frau", "Señora", "Dana", "Whitfield", "Jean-Luc", "Ngozi", "Mike", "Sarah", "from", "support",
    "the", "billing", "told me", "at", "team", "IT", "on", "chat", "rue", "Rue", "RUE", "allée", "ALLÉE",
    "impaſſe", "ımpasse", "Calle", "C/", "Avda.", "Via", "Viale", "Praça", "Largo", "de la", "del", "Roma",
    "Mayor", "Street", "St", "Ave", "Road", "Blvd", "N", "West", "Apt", "#", "Suite", "44th", "Main", "Oak",
    "Hauptstraße", "Kerkstraat", "Bahnhofstr.", "weg", "ring", "p.o. box", "PO Box", "P.O.Box", "box", "bis",
    "nº", "n°", "12", "221B", "4", "1600", "7", "99999", "0", "1234567", "DE89", "3704", "0044", "0532", "0130",
    "00", "GB82WEST", "4111", "1111", "123-45-6789", "192.168.0.1", "10.0.0", "255", ".", ",", ";", ":", "!",
    "?", "(", ")", "-", "'", "’", "\n", "\t", "  ", "é", "ß", "😀", "𝐀bc", "İstanbul", "x", "ab", "a",
    "at", "[at]", "(at)", "{at}", "dot", "[dot]", "com", "io", "gmail", "dana.w", "e\u0301", "\u0301"
  };

  private static final String[] JOINS = {" ", " ", " ", "", ", ", "\n", "-", ". "};

  private static List<String> texts(long seed, int count) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      StringBuilder b = new StringBuilder();
      int pieces = 1 + random.nextInt(25);
      for (int p = 0; p < pieces; p++) {
        if (p > 0) b.append(JOINS[random.nextInt(JOINS.length)]);
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }

  private static List<String> plain(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.start() + "-" + m.end());
    return out;
  }

  private static List<String> gated(Pattern p, String text, MatchStarts.Gate gate) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, gate); from = MatchStarts.next(m)) {
      out.add(m.start() + "-" + m.end());
    }
    return out;
  }

  private static void assertSameMatches(Pattern p, MatchStarts.Gate gate, boolean lowerCased) {
    int matched = 0;
    for (String raw : texts(42, 4000)) {
      String text = lowerCased ? PatternDetector.lowerSameLength(raw) : raw;
      List<String> expected = plain(p, text);
      assertEquals(expected, gated(p, text, gate), () -> "pattern " + p.pattern() + " on: " + text);
      matched += expected.size();
    }
    assertTrue(matched > 0, "the random texts exercise " + p.pattern());
  }

  @Test
  void cueOpeningsKeepEveryMatch() {
    for (Pattern cue : List.of(CueNameFinder.STRONG_CUE, CueNameFinder.WEAK_CUE, CueNameFinder.GREETING)) {
      assertSameMatches(cue, new MatchStarts.Openings(cue), true);
    }
    assertSameMatches(CueNameFinder.HONORIFIC, new MatchStarts.Openings(CueNameFinder.HONORIFIC), false);
    assertSameMatches(CueNameFinder.ROLE_AFTER, CueNameFinder::capitalAtWordStart, false);
  }

  @Test
  void addressAndNumberGatesKeepEveryMatch() {
    assertSameMatches(PatternDetector.ADDRESS_ROMANCE, new MatchStarts.Openings(PatternDetector.ADDRESS_ROMANCE), false);
    assertSameMatches(PatternDetector.ADDRESS_EN, new MatchStarts.Openings(PatternDetector.ADDRESS_EN), false);
    assertSameMatches(PatternDetector.PO_BOX, new MatchStarts.Openings(PatternDetector.PO_BOX), true);
    assertSameMatches(PatternDetector.IBAN, PatternDetector::ibanStart, false);
    assertSameMatches(PatternDetector.SSN, MatchStarts::asciiDigit, false);
    assertSameMatches(PatternDetector.IPV4, MatchStarts::asciiDigit, false);
  }

  @Test
  void spelledOutEmailsAreTriedNearTheirAt() {
    int matched = 0;
    for (String raw : texts(11, 4000)) {
      String text = PatternDetector.lowerSameLength(raw);
      int[] ats = PatternDetector.spelledAts(text);
      List<String> expected = plain(PatternDetector.EMAIL_SPELLED, text);
      if (ats.length == 0) assertEquals(List.of(), expected, text);
      assertEquals(expected, gated(PatternDetector.EMAIL_SPELLED, text, (s, i) -> PatternDetector.atWithin(ats, i + 1, i + PatternDetector.SPELLED_REACH)), text);
      matched += expected.size();
    }
    assertTrue(matched > 0);
    assertEquals(1, PatternDetector.spelledAts("dana at acme dot com").length);
    assertEquals(0, PatternDetector.spelledAts("cat attack at").length);
  }

  @Test
  void supplementaryLettersCountAsOneCodePointButTwoChars() {
    // a local part of 40 "fancy font" letters is 80 chars: the whole address is still masked
    String fancy = "\uD835\uDC1A".repeat(40);
    assertEquals("write to [EMAIL] please",
        new PiiRedactor().redact("write to " + fancy + " at acme dot com please"));
    String glued = "\uD835\uDC00Sarah from support";
    // Java's look-behind reads one char (a lone low surrogate, not a letter): the gate agrees
    assertEquals(!plain(CueNameFinder.ROLE_AFTER, glued).isEmpty(), CueNameFinder.capitalAtWordStart(glued, 2));
  }

  @Test
  void theWordScanFindsTheWordPatternsSpans() {
    for (String text : texts(13, 4000)) {
      List<String> expected = plain(CueNameFinder.WORD, text);
      List<String> scanned = new ArrayList<>();
      for (int[] w : CueNameFinder.words(text)) scanned.add(w[0] + "-" + w[1]);
      assertEquals(expected, scanned, text);
    }
  }

  @Test
  void compoundAddressesNeedTheirEndingBeforeADigit() {
    for (String text : texts(7, 4000)) {
      if (!plain(PatternDetector.ADDRESS_COMPOUND, text).isEmpty()) {
        assertTrue(PatternDetector.compoundEndingBeforeDigit(text), text);
      }
    }
    assertTrue(PatternDetector.compoundEndingBeforeDigit("Hauptstraße 5"));
    assertTrue(PatternDetector.compoundEndingBeforeDigit("Kerkstraat\t12a"));
    assertFalse(PatternDetector.compoundEndingBeforeDigit("rings, 2024 and a ring"));
  }

  @Test
  void openingsRuleOutWordsThatBeginNoCue() {
    MatchStarts.Openings greeting = new MatchStarts.Openings(CueNameFinder.GREETING);
    assertTrue(greeting.mayStart("hello dana", 0));
    assertTrue(greeting.mayStart("hi", 0)); // end of text: decided by the pattern
    assertFalse(greeting.mayStart("the app", 0));
    assertFalse(greeting.mayStart("hint", 0));
    assertTrue(greeting.mayStart("olá ana", 0)); // a non-ASCII third character: let through
  }

  @Test
  void patternsThatLookBeforeTheirStartAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MatchStarts.Openings(Pattern.compile("(?<=a)b")));
    assertThrows(IllegalArgumentException.class, () -> new MatchStarts.Openings(Pattern.compile("\\bfoo")));
  }
}
