package dev.verbatim.app.demo;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fake personal data planted in customer text so tests can check the redact stage: e-mails, phone
 * numbers in several national formats, card numbers that pass the Luhn check, IBANs with valid
 * check digits, person names and IPv4 addresses. Stateless and thread-safe.
 */
final class Pii {
  private Pii() {}

  /** The kinds of planted PII, with their wire names in planted-truth.json. */
  enum Kind {
    EMAIL("email"),
    PHONE("phone"),
    CARD("card"),
    IBAN("iban"),
    PERSON_NAME("person_name"),
    IP("ip");

    final String wire;

    Kind(String wire) {
      this.wire = wire;
    }
  }

  /** One planted value and the sentence that carries it. */
  record Item(Kind kind, String value, String sentence) {}

  private static final List<String> FREE_MAIL =
      List.of("gmail.com", "outlook.com", "yahoo.com", "gmx.de", "hotmail.fr", "icloud.com", "proton.me");

  /** Draws one item of a random kind (weights: email and phone most common). */
  static Item draw(SplittableRandom rnd) {
    int x = rnd.nextInt(100);
    Kind k = x < 30 ? Kind.EMAIL : x < 55 ? Kind.PHONE : x < 67 ? Kind.CARD : x < 75 ? Kind.IBAN : x < 90 ? Kind.PERSON_NAME : Kind.IP;
    return draw(k, rnd);
  }

  static Item draw(Kind k, SplittableRandom rnd) {
    return switch (k) {
      case EMAIL -> {
        String v = email(Slots.pick(Slots.FIRST_NAMES, rnd), Slots.pick(Slots.LAST_NAMES, rnd), null, rnd);
        yield new Item(k, v, sentence(rnd, v, "my email is %s", "you can reach me at %s", "email me at %s", "please reply to %s instead", "contact: %s"));
      }
      case PHONE -> {
        String v = phone(rnd);
        yield new Item(k, v, sentence(rnd, v, "call me at %s", "my number is %s", "%s is my cell", "you can call %s anytime before 5"));
      }
      case CARD -> {
        String v = card(rnd);
        yield new Item(k, v, sentence(rnd, v, "the card on file is %s", "card number %s if you need it", "I used the card %s", "it was paid with %s"));
      }
      case IBAN -> {
        String v = iban(rnd);
        yield new Item(k, v, sentence(rnd, v, "my IBAN is %s", "please send the money to %s", "IBAN: %s", "our account for transfers is %s"));
      }
      case PERSON_NAME -> {
        String v = Slots.personName(rnd);
        yield new Item(k, v, sentence(rnd, v, "my colleague %s set this up", "%s from our finance team can confirm", "please ask for %s", "our accountant %s noticed it first"));
      }
      case IP -> {
        String v = ip(rnd);
        yield new Item(k, v, sentence(rnd, v, "my IP is %s", "we log in from %s", "our office IP is %s", "the error shows for IP %s"));
      }
    };
  }

  private static String sentence(SplittableRandom rnd, String value, String... forms) {
    String s = String.format(Locale.ROOT, forms[rnd.nextInt(forms.length)], value);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }

  /** An e-mail address; {@code domain} null means a free-mail domain. */
  static String email(String first, String last, String domain, SplittableRandom rnd) {
    String f = ascii(first);
    String l = ascii(last);
    String local = switch (rnd.nextInt(4)) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l;
      case 2 -> f + l.charAt(0) + (10 + rnd.nextInt(89));
      default -> f;
    };
    return local + "@" + (domain != null ? domain : Slots.pick(FREE_MAIL, rnd));
  }

  static String ascii(String name) {
    var sb = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case 'ü' -> sb.append("ue");
        case 'ö' -> sb.append("oe");
        case 'ä' -> sb.append("ae");
        default -> {
          if (c >= 'a' && c <= 'z') sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  static String phone(SplittableRandom rnd) {
    String a = digits(rnd, 3);
    String b = digits(rnd, 4);
    return switch (rnd.nextInt(8)) {
      case 0 -> "+1 " + (200 + rnd.nextInt(700)) + " 555 " + b;
      case 1 -> "(" + (200 + rnd.nextInt(700)) + ") 555-" + b;
      case 2 -> (200 + rnd.nextInt(700)) + "-555-" + b;
      case 3 -> (200 + rnd.nextInt(700)) + ".555." + b;
      case 4 -> "+44 20 7946 " + digits(rnd, 4);
      case 5 -> "+49 30 " + digits(rnd, 7);
      case 6 -> "+33 6 " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + digits(rnd, 2);
      default -> "06 " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + digits(rnd, 2) + " " + a.substring(0, 2);
    };
  }

  /** A card number with a valid Luhn check digit, grouped with spaces, dashes or not at all. */
  static String card(SplittableRandom rnd) {
    boolean amex = rnd.nextInt(6) == 0;
    String prefix = amex ? (rnd.nextBoolean() ? "34" : "37") : rnd.nextBoolean() ? "4" : "5" + (1 + rnd.nextInt(5));
    int len = amex ? 15 : 16;
    String body = prefix + digits(rnd, len - 1 - prefix.length());
    String pan = body + luhnDigit(body);
    char sep = switch (rnd.nextInt(3)) {
      case 0 -> ' ';
      case 1 -> '-';
      default -> 0;
    };
    if (sep == 0) return pan;
    int[] groups = amex ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
    var sb = new StringBuilder();
    int at = 0;
    for (int g : groups) {
      if (at > 0) sb.append(sep);
      sb.append(pan, at, at + g);
      at += g;
    }
    return sb.toString();
  }

  static int luhnDigit(String body) {
    int sum = 0;
    boolean dbl = true; // the check digit will sit right of the last body digit
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /** True if the digits of {@code s} pass the Luhn check. */
  static boolean luhnValid(String s) {
    String d = s.replaceAll("[^0-9]", "");
    return !d.isEmpty() && luhnDigit(d.substring(0, d.length() - 1)) == d.charAt(d.length() - 1) - '0';
  }

  /** An IBAN with correct ISO 13616 check digits, grouped by four or compact. */
  static String iban(SplittableRandom rnd) {
    String country;
    String bban;
    switch (rnd.nextInt(5)) {
      case 0 -> {
        country = "DE";
        bban = digits(rnd, 18);
      }
      case 1 -> {
        country = "FR";
        bban = digits(rnd, 23);
      }
      case 2 -> {
        country = "ES";
        bban = digits(rnd, 20);
      }
      case 3 -> {
        country = "NL";
        bban = Slots.pick(List.of("ABNA", "RABO", "INGB", "TRIO"), rnd) + digits(rnd, 10);
      }
      default -> {
        country = "GB";
        bban = Slots.pick(List.of("NWBK", "BARC", "HBUK", "LOYD"), rnd) + digits(rnd, 14);
      }
    }
    int check = 98 - mod97(bban + country + "00");
    String iban = country + String.format(Locale.ROOT, "%02d", check) + bban;
    if (rnd.nextInt(3) == 0) return iban;
    var sb = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) sb.append(' ');
      sb.append(iban, i, Math.min(iban.length(), i + 4));
    }
    return sb.toString();
  }

  /** True if {@code s} (spaces ignored) has valid IBAN check digits. */
  static boolean ibanValid(String s) {
    String c = s.replace(" ", "");
    return c.length() > 4 && mod97(c.substring(4) + c.substring(0, 4)) == 1;
  }

  private static int mod97(String alnum) {
    var sb = new StringBuilder();
    for (char ch : alnum.toCharArray()) {
      if (Character.isDigit(ch)) sb.append(ch);
      else sb.append(ch - 'A' + 10);
    }
    return new BigInteger(sb.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  static String ip(SplittableRandom rnd) {
    int a;
    do {
      a = 11 + rnd.nextInt(213);
    } while (a == 127 || a == 10);
    return a + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
  }

  private static String digits(SplittableRandom rnd, int n) {
    var sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append((char) ('0' + rnd.nextInt(10)));
    return sb.toString();
  }
}
