package dev.verbatim.pipeline.redact;

import java.util.Map;

/** Check digits that tell a real card number or IBAN from a number that only looks like one. */
final class Checksums {

  /** IBAN length per country (ISO 13616 registry, the countries in common use). */
  static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
          Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
          Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("CH", 21), Map.entry("CR", 22),
          Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
          Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24),
          Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
          Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
          Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22),
          Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30),
          Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LI", 21),
          Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
          Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27),
          Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
          Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
          Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24),
          Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
          Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VG", 24),
          Map.entry("XK", 20));

  private Checksums() {}

  /** Luhn (mod 10) check over a string of digits. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) return false;
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** A card number: 13 to 19 digits, a card network's first digit (2-6), Luhn-valid. */
  static boolean card(CharSequence digits) {
    int n = digits.length();
    if (n < 13 || n > 19) return false;
    char first = digits.charAt(0);
    if (first < '2' || first > '6') return false;
    boolean allSame = true;
    for (int i = 1; i < n; i++) allSame &= digits.charAt(i) == first;
    return !allSame && luhn(digits);
  }

  /** An IBAN in compact upper-case form: the country's length and mod 97 == 1. */
  static boolean iban(String compact) {
    if (compact.length() < 15 || compact.length() > 34) return false;
    Integer len = IBAN_LENGTHS.get(compact.substring(0, 2));
    if (len == null || len != compact.length()) return false;
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return mod == 1;
  }
}
