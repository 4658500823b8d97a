package dev.verbatim.pipeline.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds structured personal data by pattern and checksum: URLs, e-mail addresses, IBANs, card
 * numbers, SSNs, IP addresses, phone numbers and street addresses.
 *
 * <p>Every pattern is bounded (no nested unbounded quantifiers, no alternation under a star), so a
 * megabyte line costs linear time and no stack. Checksums (Luhn, IBAN mod 97), date and price
 * shapes and the words before a number (order, invoice vs. phone, call) keep ordinary numbers
 * unmasked. Stateless and thread-safe.
 */
final class PatternDetector {

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern URL =
      Pattern.compile("(?<![\\p{L}\\p{N}@.])(?:https?://|www\\.|tel:)[^\\s<>\"'\\[\\]{}|\\\\^`]{1,2000}");

  /** Query keys and path words that make a URL personal. */
  private static final Pattern URL_SENSITIVE =
      Pattern.compile(
          "[?&;#](?:[a-z_]*(?:token|key|auth|code|session|sid|sig|signature|password|passwd|pwd|"
              + "secret|email|e-mail|mail|user|uid|phone|tel|mobile|reset|invite|otp|ticket|jwt|"
              + "hash|name))[a-z_]*=|%40|@|^tel:|/(?:reset|invite|verify|confirm|unsubscribe|magic|"
              + "login|auth|activate)[-_/]",
          F);

  /** A token-like path or query part: 20+ letters/digits mixing both, or a long digit run. */
  private static final Pattern URL_TOKEN =
      Pattern.compile("(?=[A-Za-z0-9_-]{0,200}[0-9])(?=[A-Za-z0-9_-]{0,200}[A-Za-z])[A-Za-z0-9_-]{20,}|(?<![0-9])\\+?[0-9]{10,15}(?![0-9])");

  private static final String LOCAL = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
  private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+-])" + LOCAL + "(?:" + LOCAL + "|\\.(?!\\.)){0,63}@" + LABEL
              + "(?:\\." + LABEL + "){0,8}\\.\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

  /** "dana at acme dot com", "dana [at] acme [dot] com", "dana(at)acme.com". */
  static final Pattern EMAIL_SPELLED =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}._%+-]{1,64}[ \\t]?(?:\\[at\\]|\\(at\\)|\\{at\\}|[ \\t]at[ \\t])"
              + "[ \\t]?[\\p{L}\\p{N}-]{1,63}(?:[ \\t]?(?:\\.|\\[dot\\]|\\(dot\\)|[ \\t]dot[ \\t])[ \\t]?"
              + "[\\p{L}\\p{N}-]{1,63}){0,3}[ \\t]?(?:\\.|\\[dot\\]|\\(dot\\)|[ \\t]dot[ \\t])[ \\t]?"
              + "(?:com|net|org|io|co|de|fr|es|nl|pt|uk|it|be|ch|at|edu|gov|info|biz|me|eu|us|ca|br|mx)"
              + "(?![\\p{L}\\p{N}])"
              // both "at" and "dot" spelled out: deliberate obfuscation, so any top-level domain
              + "|(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}._%+-]{1,64}[ \\t]?(?:\\[at\\]|\\(at\\)|\\{at\\}|[ \\t]at[ \\t])"
              + "[ \\t]?[\\p{L}\\p{N}-]{1,63}(?:[ \\t]?(?:\\[dot\\]|\\(dot\\)|[ \\t]dot[ \\t])[ \\t]?"
              + "[\\p{L}\\p{N}-]{1,63}){0,2}[ \\t]?(?:\\[dot\\]|\\(dot\\)|[ \\t]dot[ \\t])[ \\t]?"
              + "\\p{L}{2,6}(?![\\p{L}\\p{N}])");

  static final Pattern IBAN =
      Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}[0-9]{2}(?:[ -]?[A-Za-z0-9]){11,32}");

  static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,22}(?![0-9])");

  static final Pattern SSN = Pattern.compile("(?<![0-9-])([0-9]{3})([- ])([0-9]{2})\\2([0-9]{4})(?![0-9-])");

  private static final Pattern SSN_CUED =
      Pattern.compile("(?:ssn|social security(?: number| no\\.?| #)?)[ \\t:#-]{0,4}(?:is[ \\t]{1,3})?([0-9]{9})(?![0-9])");

  static final Pattern IPV4 =
      Pattern.compile(
          "(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?![0-9]|\\.[0-9])");

  private static final Pattern IPV6_CANDIDATE =
      Pattern.compile("(?<![\\p{L}\\p{N}:])[0-9A-Fa-f:]{2,39}(?![\\p{L}\\p{N}:])");

  /** A capitalised word or an ordinal ("44th") in a street name. */
  private static final String CAP = "(?:\\p{Lu}[\\p{L}'’.-]{0,30}|[0-9]{1,3}(?:st|nd|rd|th))";

  static final Pattern ADDRESS_EN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,4})?,?[ \\t](?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?[ \\t])?"
              + "(?:" + CAP + "[ \\t]){1,4}"
              + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
              + "Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Close|Crescent|Row|Trail|Gardens|Mews|Hill|"
              + "Loop|Walk|Alley|Plaza|Park)"
              + "\\b\\.?(?:[ \\t](?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\\b\\.?)?(?:,?[ \\t](?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|#)\\.?[ \\t]?#?[A-Za-z0-9-]{1,6})?");

  static final Pattern ADDRESS_COMPOUND =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}-]{1,40}(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|"
              + "laan|straat|gracht|plein|dijk|kade|singel|steeg|vej|gade|gatan|vägen)[ \\t]?[0-9]{1,4}[a-zA-Z]?(?![\\p{L}\\p{N}])");

  static final Pattern ADDRESS_ROMANCE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:[0-9]{1,4}(?:[ \\t]?(?:bis|ter))?,?[ \\t])?"
              + "(?:(?iu:rue|avenue|boulevard|chemin|allée|impasse|quai|place|cours)|Bd|Calle|C/|Avenida|Avda\\.|Paseo|Plaza|"
              + "Rua|Travessa|Largo|Praça|Via|Viale|Piazza|Corso)[ \\t]"
              + "(?:(?:de la|de l'|de los|de las|de|del|des|du|da|do|dos|das|di|della|d')[ \\t]?)?"
              + "\\p{Lu}[\\p{L}'’-]{1,30}(?:[ \\t]\\p{Lu}[\\p{L}'’-]{1,30}){0,3}"
              + "(?:,?[ \\t](?:n[º°o.]?[ \\t]?)?[0-9]{1,4}[a-zA-Z]?(?![\\p{L}\\p{N}]))?");

  static final Pattern PO_BOX =
      Pattern.compile("(?<![\\p{L}])p\\.?[ \\t]?o\\.?[ \\t]?box[ \\t]?[0-9]{1,7}");

  /** Words just before a number that make it a phone number. */
  private static final Pattern PHONE_CUE =
      Pattern.compile(
          "(?:phone|tel|telephone|mobile|cell|cellphone|call|calls|called|calling|ring|text|sms|"
              + "whatsapp|fax|reach|contact|number|no\\.|nr\\.|#|dial|teléfono|telefono|móvil|movil|"
              + "celular|llamar|llámame|téléphone|portable|appeler|telefon|handy|anrufen|telefoon|"
              + "mobiel|bellen|telemóvel|telefone|ligar)\\b");

  /** Words just before a number that make it an order, invoice or reference number. */
  private static final Pattern ORDER_CUE =
      Pattern.compile(
          "(?:order|orders|invoice|invoices|ticket|case|ref|reference|tracking|account|acct|"
              + "customer|member|policy|booking|confirmation|transaction|receipt|serial|sku|item|"
              + "model|version|build|id|pedido|factura|commande|facture|bestellung|rechnung|"
              + "bestelling|factuur|fatura|encomenda)\\b(?:[ \\t]?(?:number|no\\.?|nr\\.?|#|id))?"
              + "[ \\t:#.]{0,3}$");

  private static final Pattern DATE_SHAPE =
      Pattern.compile(
          "[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./](?:[0-9]{4}|[0-9]{2})");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]{2,8}\\]");
  private static final Pattern PARTIAL_PLACEHOLDER = Pattern.compile("^[A-Z]{0,8}\\]");

  private static final Pattern PHONE_WORD =
      Pattern.compile(
          "(?:phone|tel|mobile|cell|call|whatsapp|fax|teléfono|téléphone|telefon|telefoon|telefone)[^0-9]{0,20}$");

  private static final Pattern CURRENCY_WORD = Pattern.compile("(?:usd|eur|gbp|r\\$)$");

  private static final Pattern SSN_SHAPE = Pattern.compile("[0-9]{3}-[0-9]{2}-[0-9]{4}");

  /** Where a Romance-language street address can begin: a house number or a street word. */
  private static final MatchStarts.Openings ROMANCE_STARTS = new MatchStarts.Openings(ADDRESS_ROMANCE);

  private static final MatchStarts.Openings ADDRESS_EN_STARTS = new MatchStarts.Openings(ADDRESS_EN);

  private static final MatchStarts.Openings PO_BOX_STARTS = new MatchStarts.Openings(PO_BOX);

  /** The endings {@link #ADDRESS_COMPOUND} requires right before its house number. */
  private static final String[] COMPOUND_ENDINGS = {
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "damm", "laan", "straat", "gracht",
    "plein", "dijk", "kade", "singel", "steeg", "vej", "gade", "gatan", "vägen"
  };

  private PatternDetector() {}

  /**
   * Adds every hit in {@code text} to {@code out}, overlaps included; the caller resolves them.
   *
   * <p>Each pattern runs only if the text holds what every match of it needs, counted in one scan:
   * ASCII digits (a card has 13, an SSN 9, a phone number 7, an IPv4 address 4 and three dots, a
   * street address its house number), two letters then two digits for an IBAN, an {@code @} for
   * an e-mail address. Most customer texts have few digits, so most patterns never run; those that
   * do are tried only where a match can begin ({@link MatchStarts}). Both are exact: the same hits
   * as running every pattern everywhere.
   */
  static void find(String text, String lower, List<Hit> out) {
    int n = text.length();
    int digits = 0;
    int dots = 0;
    boolean ibanShape = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (!ibanShape && i >= 3 && MatchStarts.asciiDigit(text, i - 1) && asciiLetter(text.charAt(i - 2))
            && asciiLetter(text.charAt(i - 3))) {
          ibanShape = true;
        }
      } else if (c == '.') {
        dots++;
      }
    }
    urls(text, lower, out);
    if (text.indexOf('@') >= 0) add(EMAIL, text, PiiType.EMAIL, out);
    emailsSpelled(lower, out);
    if (ibanShape) ibans(text, out);
    if (digits >= 13) cards(text, out);
    if (digits >= 9) ssns(text, lower, out);
    if (digits >= 4 && dots >= 3) add(IPV4, text, MatchStarts::asciiDigit, PiiType.IP, out);
    if (text.indexOf(':') >= 0) ipv6(text, out);
    if (digits >= 7) phones(text, out);
    if (digits == 0) return; // every street address below has a house number or box number
    add(ADDRESS_EN, text, ADDRESS_EN_STARTS, PiiType.ADDRESS, out);
    if (compoundEndingBeforeDigit(text)) add(ADDRESS_COMPOUND, text, PiiType.ADDRESS, out);
    Matcher romance = ADDRESS_ROMANCE.matcher(text);
    for (int from = 0; MatchStarts.find(romance, text, from, ROMANCE_STARTS); from = MatchStarts.next(romance)) {
      // "Via Roma" alone may be a phrase; with a house number it is an address.
      if (romance.group().chars().anyMatch(Character::isDigit)) {
        out.add(new Hit(PiiType.ADDRESS, romance.start(), romance.end()));
      }
    }
    if (lower.indexOf("box") >= 0) add(PO_BOX, lower, PO_BOX_STARTS, PiiType.ADDRESS, out);
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * True if one of {@link #COMPOUND_ENDINGS} stands right before an ASCII digit (or before a space
   * or tab and a digit), as every {@link #ADDRESS_COMPOUND} match has it.
   */
  static boolean compoundEndingBeforeDigit(String text) {
    for (int d = 1; d < text.length(); d++) {
      if (!MatchStarts.asciiDigit(text, d) || MatchStarts.asciiDigit(text, d - 1)) continue;
      int e = text.charAt(d - 1) == ' ' || text.charAt(d - 1) == '\t' ? d - 1 : d;
      for (String ending : COMPOUND_ENDINGS) if (text.startsWith(ending, e - ending.length())) return true;
    }
    return false;
  }

  /** Lower-cases char by char, so offsets in the copy are offsets in the original. */
  static String lowerSameLength(String text) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
    return new String(c);
  }

  private static void add(Pattern p, String text, PiiType type, List<Hit> out) {
    Matcher m = p.matcher(text);
    while (m.find()) out.add(new Hit(type, m.start(), m.end()));
  }

  /** {@link #add(Pattern, String, PiiType, List)}, trying {@code p} only where {@code starts} lets it. */
  private static void add(Pattern p, String text, MatchStarts.Gate starts, PiiType type, List<Hit> out) {
    Matcher m = p.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, starts); from = MatchStarts.next(m)) {
      out.add(new Hit(type, m.start(), m.end()));
    }
  }

  private static void urls(String text, String lower, List<Hit> out) {
    if (lower.indexOf("://") < 0 && lower.indexOf("www.") < 0 && lower.indexOf("tel:") < 0) return;
    Matcher m = URL.matcher(lower);
    while (m.find()) {
      int end = m.end();
      while (end > m.start() && ".,;:!?)'’\"".indexOf(text.charAt(end - 1)) >= 0) end--;
      String url = text.substring(m.start(), end);
      boolean personal = URL_SENSITIVE.matcher(url).find() || URL_TOKEN.matcher(url).find();
      out.add(new Hit(PiiType.URL, m.start(), end, personal));
    }
  }

  /** How far after a spelled-out e-mail's start its "at" can be, in chars (see {@link #spelledAts}). */
  static final int SPELLED_REACH = 129;

  private static void emailsSpelled(String lower, List<Hit> out) {
    if (lower.indexOf(" at ") < 0 && lower.indexOf("(at)") < 0 && lower.indexOf("[at]") < 0
        && lower.indexOf("{at}") < 0 && lower.indexOf("\tat") < 0) {
      return;
    }
    // " at " is common English: try the pattern only within reach of an "at" it could use
    int[] ats = spelledAts(lower);
    if (ats.length == 0) return;
    add(EMAIL_SPELLED, lower, (s, i) -> atWithin(ats, i + 1, i + SPELLED_REACH), PiiType.EMAIL, out);
  }

  /**
   * Where each spelled-out "at" of {@link #EMAIL_SPELLED} begins ({@code [at]}, {@code (at)},
   * {@code {at}}, or "at" between spaces or tabs), in increasing order. Its local part is 1 to 64
   * code points (up to 128 chars when they are supplementary letters, e.g. the "fancy font" of
   * social media) and an optional space or tab, so a match starting at {@code i} has one in
   * {@code [i + 1, i + 129]}.
   */
  static int[] spelledAts(String lower) {
    int[] found = new int[8];
    int count = 0;
    for (int j = lower.indexOf("at", 1); j >= 0 && j + 2 < lower.length(); j = lower.indexOf("at", j + 1)) {
      char before = lower.charAt(j - 1);
      char after = lower.charAt(j + 2);
      boolean spaced = (before == ' ' || before == '\t') && (after == ' ' || after == '\t');
      boolean bracketed = (before == '[' && after == ']') || (before == '(' && after == ')') || (before == '{' && after == '}');
      if (!spaced && !bracketed) continue;
      if (count == found.length) found = java.util.Arrays.copyOf(found, count * 2);
      found[count++] = j - 1;
    }
    return java.util.Arrays.copyOf(found, count);
  }

  /** True if a value of the sorted {@code ats} lies in {@code [from, to]}. */
  static boolean atWithin(int[] ats, int from, int to) {
    int k = java.util.Arrays.binarySearch(ats, from);
    if (k >= 0) return true;
    k = -k - 1;
    return k < ats.length && ats[k] <= to;
  }

  private static void ibans(String text, List<Hit> out) {
    Matcher m = IBAN.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, PatternDetector::ibanStart); from = MatchStarts.next(m)) {
      String country = text.substring(m.start(), m.start() + 2).toUpperCase(Locale.ROOT);
      Integer len = Checksums.IBAN_LENGTHS.get(country);
      if (len == null) continue;
      StringBuilder compact = new StringBuilder(34);
      int end = m.start();
      for (int i = m.start(); i < m.end() && compact.length() < len; i++) {
        char c = text.charAt(i);
        if (c == ' ' || c == '-') continue;
        compact.append(Character.toUpperCase(c));
        end = i + 1;
      }
      if (compact.length() == len && Checksums.iban(compact.toString())) {
        out.add(new Hit(PiiType.IBAN, m.start(), end));
      }
    }
  }

  /** Two ASCII letters then two ASCII digits, as every {@link #IBAN} match begins. */
  static boolean ibanStart(String text, int i) {
    return i + 3 < text.length() && asciiLetter(text.charAt(i)) && asciiLetter(text.charAt(i + 1))
        && MatchStarts.asciiDigit(text, i + 2) && MatchStarts.asciiDigit(text, i + 3);
  }

  /** Card numbers; a run that fails as a whole is tried group by group (a number stuck to it). */
  private static void cards(String text, List<Hit> out) {
    Matcher m = CARD.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, MatchStarts::asciiDigit); from = MatchStarts.next(m)) {
      List<int[]> groups = new ArrayList<>();
      int i = m.start();
      while (i < m.end()) {
        int s = i;
        while (i < m.end() && Character.isDigit(text.charAt(i))) i++;
        groups.add(new int[] {s, i});
        while (i < m.end() && !Character.isDigit(text.charAt(i))) i++;
      }
      int bestStart = -1;
      int bestEnd = -1;
      for (int a = 0; a < groups.size(); a++) {
        StringBuilder digits = new StringBuilder(24);
        for (int b = a; b < groups.size(); b++) {
          digits.append(text, groups.get(b)[0], groups.get(b)[1]);
          if (digits.length() > 19) break;
          if (Checksums.card(digits)
              && groups.get(b)[1] - groups.get(a)[0] > bestEnd - bestStart) {
            bestStart = groups.get(a)[0];
            bestEnd = groups.get(b)[1];
          }
        }
      }
      if (bestStart >= 0) out.add(new Hit(PiiType.CARD, bestStart, bestEnd));
    }
  }

  private static void ssns(String text, String lower, List<Hit> out) {
    Matcher m = SSN.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, MatchStarts::asciiDigit); from = MatchStarts.next(m)) {
      if (validSsn(m.group(1), m.group(3), m.group(4))) out.add(new Hit(PiiType.SSN, m.start(), m.end()));
    }
    if (lower.indexOf("ssn") < 0 && lower.indexOf("social security") < 0) return;
    m = SSN_CUED.matcher(lower);
    while (m.find()) {
      String d = m.group(1);
      if (validSsn(d.substring(0, 3), d.substring(3, 5), d.substring(5))) {
        out.add(new Hit(PiiType.SSN, m.start(1), m.end(1)));
      }
    }
  }

  private static boolean validSsn(String area, String group, String serial) {
    return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
        && !group.equals("00") && !serial.equals("0000");
  }

  private static void ipv6(String text, List<Hit> out) {
    Matcher m = IPV6_CANDIDATE.matcher(text);
    while (m.find()) {
      if (validIpv6(m.group())) out.add(new Hit(PiiType.IP, m.start(), m.end()));
    }
  }

  static boolean validIpv6(String s) {
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return false;
    if (s.equals("::")) return false;
    String[] parts = s.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        boolean edgeOfDouble = dbl >= 0;
        if (!edgeOfDouble) return false;
        continue;
      }
      if (p.length() > 4) return false;
      groups++;
    }
    if (dbl >= 0) return groups >= 1 && groups <= 7 && !(s.startsWith(":") && !s.startsWith("::"))
        && !(s.endsWith(":") && !s.endsWith("::"));
    return groups == 8;
  }

  /**
   * Phone numbers, found by scanning rather than one regex: a run of digit groups joined by single
   * separators ({@code space - . / ( )}), an optional leading {@code +}. Decided by the digit
   * count, the separators, date shapes and the words before it.
   */
  private static void phones(String text, List<Hit> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean plus = c == '+' && i + 1 < n && (isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '(');
      boolean paren = c == '(' && i + 1 < n && isDigit(text.charAt(i + 1));
      if (!(isDigit(c) || plus || paren) || (i > 0 && blocksPhoneStart(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int start = i;
      int j = plus ? i + 1 : i;
      int digits = 0;
      int groups = 0;
      boolean slash = false;
      boolean dot = false;
      int lastDigitEnd = -1;
      while (j < n) {
        char d = text.charAt(j);
        if (d == '(' && j + 1 < n && isDigit(text.charAt(j + 1))) {
          j++;
          continue;
        }
        if (!isDigit(d)) break;
        int g = j;
        while (j < n && isDigit(text.charAt(j))) j++;
        digits += j - g;
        groups++;
        if (j < n && text.charAt(j) == ')') j++;
        lastDigitEnd = j;
        if (digits > 15 || j >= n) break;
        char sep = text.charAt(j);
        int k = j;
        if (sep == ' ' || sep == '-' || sep == '.' || sep == '/') {
          k++;
          if (k < n && (text.charAt(k) == ' ') && sep != ' ') k++; // "415 - 555"
        }
        if (k == j || k >= n || !(isDigit(text.charAt(k)) || text.charAt(k) == '(')) break;
        if (sep == '/') slash = true;
        if (sep == '.') dot = true;
        j = k;
      }
      int end = lastDigitEnd;
      if (end > start && isPhone(text, start, end, plus, digits, groups, slash, dot)) {
        out.add(new Hit(PiiType.PHONE, start, end));
        i = end;
      } else {
        i = Math.max(end, i + 1);
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A number glued to a letter, currency sign or another number is not a phone number. */
  private static boolean blocksPhoneStart(char prev) {
    return Character.isLetterOrDigit(prev) || "$€£¥₹#/=_.,:+-".indexOf(prev) >= 0;
  }

  private static boolean isPhone(
      String text, int start, int end, boolean plus, int digits, int groups, boolean slash, boolean dot) {
    if (digits < 7 || digits > 15) return false;
    if (end < text.length()) {
      char after = text.charAt(end);
      if (Character.isLetter(after) || after == '%' || after == '€' || after == '$') return false;
      if ((after == '.' || after == ',') && end + 1 < text.length() && isDigit(text.charAt(end + 1))) {
        return false; // a decimal or thousands part follows: an amount
      }
    }
    String number = text.substring(start, end);
    if (SSN_SHAPE.matcher(number).matches()) return false; // 3-2-4: an SSN (or an invalid one)
    if (DATE_SHAPE.matcher(number).find() && digits <= 8) return false;
    if (DATE_SHAPE.matcher(number).matches()) return false;
    // Placeholders from an earlier pass are not cues ("[PHONE]" must not read as "phone").
    String window = PLACEHOLDER.matcher(text.substring(Math.max(0, start - 48), start)).replaceAll(" ");
    window = PARTIAL_PLACEHOLDER.matcher(window).replaceFirst(" ");
    String before = window.substring(Math.max(0, window.length() - 32));
    String lowerBefore = before.toLowerCase(Locale.ROOT);
    boolean cue = PHONE_CUE.matcher(lowerBefore).find();
    boolean orderCue = ORDER_CUE.matcher(lowerBefore).find();
    if (plus) return digits >= 8 && !(orderCue && !cue);
    if (digits >= 13 && !number.startsWith("00") && !cue) return false; // card-shaped, failed Luhn
    if (orderCue && !phoneWord(lowerBefore)) return false;
    if (groups == 1) {
      return digits >= 10 && cue && !isCurrencyBefore(before);
    }
    if (slash && !cue) return false;
    if (dot && groups == 2) return false; // 1234.5678: a decimal, not a phone number
    if (digits >= 9) return !isCurrencyBefore(before);
    return cue;
  }

  private static boolean phoneWord(String lowerBefore) {
    return PHONE_WORD.matcher(lowerBefore).find();
  }

  private static boolean isCurrencyBefore(String before) {
    String t = before.stripTrailing();
    if (t.isEmpty()) return false;
    char c = t.charAt(t.length() - 1);
    return "$€£¥₹".indexOf(c) >= 0 || CURRENCY_WORD.matcher(t.toLowerCase(Locale.ROOT)).find();
  }
}
