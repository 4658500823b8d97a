package dev.verbatim.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Laws of redaction checked on seeded random text; the seed is in every failure message. */
class PiiRedactorPropertyTest {

  private static final long SEED = 4242L;
  private static final PiiRedactor REDACTOR = new PiiRedactor();

  private static final String[] FRAGMENTS = {
    "the", "app", "crashes", "Hi", "Dana", "Bill", "Rose", "my", "name", "is", "call", "me", "on", "+1",
    "415", "555", "0199", "order", "invoice", "#", "4111", "1111", "-", "@", "dana@acme.example", ".", ",",
    "[EMAIL]", "[PERSON]", "[PHONE]", "[", "]", "https://x.example/reset?token=abc123abc123abc123",
    "DE89", "3704", "0044", "0532", "0130", "00", "123-45-6789", "10.0.0.1", "fe80::1", "::", "Street",
    "42", "Oak", "Lane", "Thanks,", "\n", "Mr.", "Grant", "é", "😀", "\u0000", "\t", "2026-03-02", "$",
    "12", "rue", "de", "Rivoli", "Calle", "Mayor", "5", "at", "dot", "com", "ssn", "Hauptstraße"
  };

  @Test
  void redactionIsIdempotent() {
    Random random = new Random(SEED);
    for (int i = 0; i < 1500; i++) {
      String text = randomFragments(random, 1 + random.nextInt(30));
      String once = REDACTOR.redact(text);
      assertEquals(once, REDACTOR.redact(once), () -> "seed " + SEED + ", input: " + text);
    }
  }

  @Test
  void noPlantedEmailCardOrIbanSurvives() {
    Random random = new Random(SEED);
    Pattern email = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    for (int i = 0; i < 1000; i++) {
      StringBuilder sb = new StringBuilder();
      java.util.List<String> plantedValues = new java.util.ArrayList<>();
      int planted = 1 + random.nextInt(4);
      for (int p = 0; p < planted; p++) {
        sb.append(randomFiller(random)).append(separator(random));
        String value =
            switch (random.nextInt(3)) {
              case 0 -> randomEmail(random);
              case 1 -> randomCard(random);
              default -> randomIban(random);
            };
        plantedValues.add(value);
        sb.append(value).append(separator(random));
      }
      sb.append(randomFiller(random));
      String text = sb.toString();
      String out = REDACTOR.redact(text);
      assertFalse(email.matcher(out).find(), () -> "e-mail survived, seed " + SEED + ": " + text + " -> " + out);
      String compactOut = out.replaceAll("[ -]", "");
      for (String value : plantedValues) {
        String compact = value.replaceAll("[ -]", "");
        assertFalse(
            compactOut.contains(compact) || out.contains(value),
            () -> "planted " + value + " survived, seed " + SEED + ": " + text + " -> " + out);
      }
    }
  }

  @Test
  void randomUnicodeAndMegabyteLinesNeverThrow() {
    Random random = new Random(SEED);
    for (int i = 0; i < 1000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(300);
      for (int k = 0; k < n; k++) {
        if (random.nextBoolean()) sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(' ');
        else sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
      }
      REDACTOR.redact(sb.toString());
    }
    // A megabyte of the units most likely to trip a pattern; the rest at 100 kB to keep the suite fast.
    String[] units = {"1 ", "Dana ", "a@", "1", "A", "@a.", "+1 ", "Hi ", "4111 ", "DE89 ", "::", "1.", "www.", "[EMAIL]", "Mr. "};
    for (int u = 0; u < units.length; u++) {
      String unit = units[u];
      String line = unit.repeat((u < 2 ? 1_000_000 : 100_000) / unit.length());
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> REDACTOR.redact(line), "unit '" + unit + "'");
    }
  }

  private static String randomFragments(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      sb.append(random.nextInt(4) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static String randomFiller(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append("word");
        case 1 -> sb.append(random.nextInt(1000));
        case 2 -> sb.appendCodePoint(0x00C0 + random.nextInt(0x2000));
        default -> sb.append("Über");
      }
      sb.append(' ');
    }
    return sb.toString();
  }

  private static String separator(Random random) {
    return new String[] {" ", " (", ") ", ": ", ", ", "\n", " <", "> "}[random.nextInt(8)];
  }

  static String randomEmail(Random random) {
    String[] users = {"dana", "jo.park", "m_lopez", "a.b+c", "José", "user123"};
    String[] hosts = {"acme.example", "mail.co.uk", "globex.io", "correo.es", "x-y.de"};
    return users[random.nextInt(users.length)] + random.nextInt(100) + "@" + hosts[random.nextInt(hosts.length)];
  }

  static String randomCard(Random random) {
    int length = 13 + random.nextInt(7);
    StringBuilder d = new StringBuilder().append(2 + random.nextInt(5));
    while (d.length() < length - 1) d.append(random.nextInt(10));
    for (int check = 0; check < 10; check++) {
      String candidate = d.toString() + check;
      if (Checksums.luhn(candidate) && Checksums.card(candidate)) {
        return switch (random.nextInt(3)) {
          case 0 -> candidate;
          case 1 -> group(candidate, ' ');
          default -> group(candidate, '-');
        };
      }
    }
    return randomCard(random);
  }

  static String randomIban(Random random) {
    String[][] countries = {{"DE", "22"}, {"GB", "22"}, {"NL", "18"}, {"FR", "27"}, {"ES", "24"}, {"BE", "16"}};
    String[] c = countries[random.nextInt(countries.length)];
    int length = Integer.parseInt(c[1]);
    StringBuilder bban = new StringBuilder();
    while (bban.length() < length - 4) bban.append(random.nextInt(10));
    for (int check = 2; check < 99; check++) {
      String candidate = c[0] + String.format(java.util.Locale.ROOT, "%02d", check) + bban;
      if (Checksums.iban(candidate)) return random.nextBoolean() ? candidate : group(candidate, ' ');
    }
    throw new AssertionError("no check digits for " + bban);
  }

  private static String group(String s, char sep) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && i % 4 == 0) sb.append(sep);
      sb.append(s.charAt(i));
    }
    return sb.toString();
  }
}
