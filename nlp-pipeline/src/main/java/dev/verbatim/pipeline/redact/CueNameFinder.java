package dev.verbatim.pipeline.redact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds person names by cues and a gazetteer: "my name is X", greetings ("Hi Dana", "Bonjour
 * Pierre"), sign-offs and signatures ("Thanks,\nDana Whitfield"), honorifics ("Mr Grant"), roles
 * ("spoke to Mike", "Sarah from support"), and given names from a list of about 600 in the
 * languages Verbatim sees, each extended by the capitalised surname that follows.
 *
 * <p><b>Why not a statistical recogniser.</b> OpenNLP publishes no name-finder model on Maven
 * Central (only language, sentence, token, POS and lemma models), and Verbatim downloads nothing
 * at run time. CoreNLP's NER needs its 400+ MB English models jar and costs milliseconds per
 * sentence, which would dominate the redact stage, and it knows English only. Customer text names
 * people in a few predictable ways (greetings, sign-offs, "my name is", "the agent Mike"), which
 * cues catch in any of our languages at regex speed; the measured recall is in the README. A
 * statistical finder can be added behind the same seam later.
 *
 * <p><b>Words that are names</b> ("Rose", "Bill", "Grant", "Will", "May") are masked only with a
 * cue or a capitalised surname mid-sentence, so "I got a Bill" at a sentence start or "prices rose"
 * stay.
 *
 * <p>Stateless after construction and thread-safe; linear in the text (bounded patterns).
 */
final class CueNameFinder {


  /** Cues after which any capitalised word is a name. */
  private static final Pattern STRONG_CUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:my name is|my name's|my name’s|name is|me llamo|mi nombre es|je m'appelle|"
              + "je m’appelle|mon nom est|ich heiße|ich heisse|mein name ist|mijn naam is|ik heet|"
              + "meu nome é|me chamo|chamo-me|call me|named|spoke to|spoke with|speaking with|"
              + "talked to|talked with|chatted with|ask for|asked for|agent|rep|representative|"
              + "advisor|adviser|colleague|supervisor|technician|habl[ée] con|parl[ée] (?:à|avec)|"
              + "sprach mit|gesproken met|falei com|signed)[ \\t]*[:,]?[ \\t]+");

  /** Cues after which a capitalised word is a name only if it is a known given name. */
  private static final Pattern WEAK_CUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:i am|i'm|i’m|this is|it's|it’s|soy|je suis|ich bin|ik ben|eu sou|sono|"
              + "thanks|thank you|thx|cheers|gracias|merci|danke|bedankt|obrigad[oa]|grazie|"
              + "regards|best|sincerely|saludos|cordialement|groeten|grüße|gruß|love|xoxo|"
              + "told|tell|asked|ask|thank)[ \\t]*[,:]?[ \\t]*(?:\\n[ \\t]*)?");

  /** Greetings: any capitalised word after them is a name (unless a stop word like "Team"). */
  private static final Pattern GREETING =
      Pattern.compile(
          "(?<![\\p{L}])(?:hi|hello|hey|hiya|dear|morning|good morning|good afternoon|good evening|hola|"
              + "buenos días|buenas tardes|estimado|estimada|querido|querida|bonjour|bonsoir|salut|"
              + "cher|chère|hallo|guten tag|liebe|lieber|sehr geehrte|sehr geehrter|moin|hoi|beste|"
              + "goedemorgen|goedemiddag|olá|oi|prezado|prezada|caro|cara|ciao|buongiorno)"
              + "(?:[ \\t]+(?:mr|mrs|ms|miss|dr|frau|herr|señor|señora|sr|sra|monsieur|madame|mevrouw|"
              + "meneer|senhor|senhora)\\.?)?[ \\t]*,?[ \\t]+");

  /** Honorifics: the capitalised word after them is a name. Case-sensitive. */
  private static final Pattern HONORIFIC =
      Pattern.compile(
          "(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sr|Sra|Srta|Mme|Mlle|Herr|Frau|Dhr|Mevr|Señor|"
              + "Señora|Monsieur|Madame|Senhor|Senhora)\\.?[ \\t]+");

  /** A sign-off alone on its line: the next line, if it is one to three capitalised words, is a name. */
  private static final Pattern SIGN_OFF_LINE =
      Pattern.compile(
          "(?m)^[ \\t]*(?:thanks|thank you|many thanks|thanks again|best|best regards|kind regards|"
              + "warm regards|regards|cheers|sincerely|yours sincerely|yours truly|all the best|"
              + "saludos|un saludo|atentamente|gracias|cordialement|bien à vous|merci|"
              + "viele grüße|mit freundlichen grüßen|beste grüße|groeten|met vriendelijke groet|"
              + "atenciosamente|abraços|obrigad[oa]|cordiali saluti|grazie)[ \\t]*[,.!]*[ \\t]*\\n[ \\t]*"
              + "");

  /** A capitalised word followed by a role: "Sarah from support", "Mike told me". */
  private static final Pattern ROLE_AFTER =
      Pattern.compile(
          "(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]{1,30})[ \\t]+(?:from|at|in|of|on)[ \\t]+(?:the[ \\t]+|your[ \\t]+)?"
              + "(?:support|customer service|customer support|customer care|billing|sales|help ?desk|"
              + "tech support|team|phone|chat)\\b|(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]{1,30})[ \\t]+"
              + "(?:told me|promised me|assured me|helped me|emailed me|called me|said that)\\b");

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

  /** Words that make a given name part of a place: "San Francisco", "Santa Monica", "St. Louis". */
  private static final Set<String> PLACE_PREFIXES =
      Set.of("san", "santa", "santo", "são", "saint", "sainte", "st", "ste", "fort", "port", "lake", "mount");

  private static final Set<String> PARTICLES =
      Set.of("van", "de", "der", "den", "von", "da", "del", "di", "le", "la", "dos", "das", "du", "ten", "ter", "mc", "st.");

  private static final Set<String> STOP =
      words(
          "i", "i'm", "i’m", "i've", "i'd", "i'll", "the", "a", "an", "this", "that", "these", "those", "my",
          "your", "our", "we", "you", "he", "she", "they", "it", "it's", "its", "hi", "hello", "hey",
          "dear", "thanks", "thank", "team", "support", "customer", "customers", "service", "services",
          "care", "sir", "madam", "all", "everyone", "everybody", "there", "guys", "folks", "friends",
          "again", "and", "or", "but", "so", "if", "when", "please", "yes", "no", "ok", "okay", "sorry",
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
          "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "today", "tomorrow", "yesterday", "app", "billing", "sales",
          "admin", "staff", "management", "company", "bank", "paypal", "stripe", "google", "apple",
          "amazon", "microsoft", "android", "iphone", "ipad", "ios", "windows", "alexa", "siri",
          "facebook", "instagram", "whatsapp", "uber", "netflix", "spotify", "visa", "mastercard",
          "amex", "english", "spanish", "french", "german", "dutch", "portuguese", "italian",
          "european", "american", "usa", "uk", "eu", "premium", "pro", "plus", "free", "gold",
          "silver", "basic", "new", "update", "settings", "account", "order", "invoice", "refund",
          "error", "help", "info", "user", "users", "manager", "agent", "rep", "bot", "chat",
          "email", "mail", "phone", "anyway", "also", "just", "still", "then", "now", "here",
          "what", "why", "how", "who", "where", "not", "never", "very", "really", "great", "good",
          "bad", "best", "kind", "regards", "cheers", "love", "happy", "well", "oh", "wow", "lol",
          "ps", "btw", "fyi", "asap", "etc", "mr", "mrs", "ms", "dr", "hola", "gracias", "merci",
          "bonjour", "hallo", "danke", "olá", "obrigado", "equipo", "équipe", "soporte", "servicio",
          "service", "kundenservice", "klantenservice", "suporte", "atendimento", "el", "la", "le",
          "les", "der", "die", "das", "het", "een", "o", "os", "as", "um", "uma", "un", "une", "ein",
          "eine", "is", "was", "are", "will", "can", "could", "would", "should", "did", "do",
          "does", "have", "has", "had", "been", "be", "to", "for", "from", "with", "in", "on", "at",
          "of", "by", "about", "after", "before", "since", "until", "ich", "je", "yo", "eu", "ik",
          "wir", "nous", "nosotros", "nós", "wij", "sie", "vous", "usted", "você", "u", "jij",
          "guten", "buenos", "buenas", "good", "morning", "afternoon", "evening", "night", "day",
          "week", "month", "year", "pm", "am", "gmt", "utc", "cet", "est", "pst", "id", "pdf",
          "csv", "api", "ui", "ux", "faq", "wifi", "bluetooth", "checkout", "dashboard", "login",
          "sign", "signup", "invoices", "subscription", "plan", "trial", "upgrade", "downgrade",
          "cancel", "mobile", "web", "desktop", "website", "site", "page", "store", "shop",
          "play", "appstore", "playstore", "chrome", "firefox", "safari", "edge", "mac", "linux",
          "ceo", "cto", "cfo", "vp", "head", "director", "lead", "ops", "operations", "finance",
          "marketing", "engineering", "product", "hr", "legal", "it", "dev", "qa", "inc", "ltd",
          "gmbh", "llc", "corp", "co", "bv", "sa", "sl", "sas", "srl", "ag", "plc", "acme");

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  private final Set<String> names;
  private final Set<String> ambiguous;

  private CueNameFinder(Set<String> names, Set<String> ambiguous) {
    this.names = names;
    this.ambiguous = ambiguous;
  }

  /** Loads the gazetteers shipped with this class. */
  static CueNameFinder load() {
    Set<String> ambiguous = readList("ambiguous-names.txt");
    Set<String> names = readList("first-names.txt");
    names.removeAll(ambiguous);
    return new CueNameFinder(Set.copyOf(names), Set.copyOf(ambiguous));
  }

  private static Set<String> readList(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = CueNameFinder.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource + " next to " + CueNameFinder.class.getName());
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) continue;
        for (String w : line.strip().split("\\s+")) if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return out;
  }

  /** Adds a {@link PiiType#PERSON} hit for every name found in {@code text}. */
  void find(String text, String lower, List<Hit> out) {
    List<int[]> words = new ArrayList<>();
    Matcher w = WORD.matcher(text);
    while (w.find()) words.add(new int[] {w.start(), w.end()});
    if (words.isEmpty()) return;
    boolean[] taken = new boolean[words.size()];

    // Cue patterns run on a same-length lower-cased copy: case-insensitive alternations are slow.
    cued(STRONG_CUE, lower, text, words, taken, out, Strength.ANY);
    cued(GREETING, lower, text, words, taken, out, Strength.ANY);
    cued(HONORIFIC, text, text, words, taken, out, Strength.ANY);
    cued(SIGN_OFF_LINE, lower, text, words, taken, out, Strength.SIGNATURE);
    cued(WEAK_CUE, lower, text, words, taken, out, Strength.KNOWN);

    Matcher m = ROLE_AFTER.matcher(text);
    while (m.find()) {
      int g = m.group(1) != null ? 1 : 2;
      int idx = wordAt(words, m.start(g));
      if (idx >= 0 && !taken[idx] && !stop(text, words.get(idx)) && !sentenceStartAmbiguous(text, words, idx)) {
        emit(text, words, taken, idx, out);
      }
    }

    for (int i = 0; i < words.size(); i++) {
      if (taken[i] || !capitalised(text, words.get(i))) continue;
      String word = lower(text, words.get(i));
      if (i > 0 && PLACE_PREFIXES.contains(lower(text, words.get(i - 1)))) continue; // San Francisco
      if (names.contains(word)) {
        emit(text, words, taken, i, out);
      } else if (ambiguous.contains(word) && !sentenceStart(text, words.get(i)[0])
          && i + 1 < words.size() && surnameFollows(text, words, i)) {
        emit(text, words, taken, i, out);
      }
    }
  }

  private enum Strength { ANY, KNOWN, SIGNATURE }

  private void cued(
      Pattern cue, String searched, String text, List<int[]> words, boolean[] taken, List<Hit> out, Strength strength) {
    Matcher m = cue.matcher(searched);
    while (m.find()) {
      int idx = wordAt(words, m.end());
      if (idx < 0 || taken[idx] || !capitalised(text, words.get(idx))) continue;
      String lower = lower(text, words.get(idx));
      // "Will", "May", "April" are stop words in running text but names after a cue.
      if (stop(text, words.get(idx)) && !ambiguous.contains(lower)) continue;
      boolean known = names.contains(lower) || ambiguous.contains(lower);
      switch (strength) {
        case ANY -> emit(text, words, taken, idx, out);
        case KNOWN -> {
          if (known) emit(text, words, taken, idx, out);
        }
        case SIGNATURE -> {
          if (known || aloneOnLine(text, words, idx)) emit(text, words, taken, idx, out);
        }
      }
    }
  }

  /** The name at word {@code idx} plus a following capitalised surname (and particles). */
  private void emit(String text, List<int[]> words, boolean[] taken, int idx, List<Hit> out) {
    int last = idx;
    int extra = 0;
    for (int k = idx + 1; k < words.size() && extra < 3; k++) {
      if (!singleSpaceBetween(text, words.get(k - 1), words.get(k))) break;
      String lower = lower(text, words.get(k));
      if (PARTICLES.contains(lower) && k + 1 < words.size() && capitalised(text, words.get(k + 1))
          && singleSpaceBetween(text, words.get(k), words.get(k + 1))) {
        continue;
      }
      if (!capitalised(text, words.get(k)) || stop(text, words.get(k))) break;
      last = k;
      extra++;
    }
    for (int k = idx; k <= last; k++) taken[k] = true;
    int end = words.get(last)[1];
    if (end - words.get(last)[0] > 3 && (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2))) {
      end -= 2; // keep the possessive: "[PERSON]'s order"
    }
    out.add(new Hit(PiiType.PERSON, words.get(idx)[0], end));
  }

  private boolean surnameFollows(String text, List<int[]> words, int i) {
    int[] next = words.get(i + 1);
    return singleSpaceBetween(text, words.get(i), next) && capitalised(text, next) && !stop(text, next)
        && !names.contains(lower(text, next)) && !ambiguous.contains(lower(text, next));
  }

  private boolean sentenceStartAmbiguous(String text, List<int[]> words, int idx) {
    return ambiguous.contains(lower(text, words.get(idx))) && sentenceStart(text, words.get(idx)[0]);
  }

  private static boolean aloneOnLine(String text, List<int[]> words, int idx) {
    int lineEnd = text.indexOf('\n', words.get(idx)[0]);
    if (lineEnd < 0) lineEnd = text.length();
    int count = 0;
    for (int k = idx; k < words.size() && words.get(k)[0] < lineEnd; k++) {
      if (!capitalised(text, words.get(k))) return false;
      count++;
    }
    return count <= 3;
  }

  private static int wordAt(List<int[]> words, int offset) {
    int lo = 0;
    int hi = words.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = words.get(mid)[0];
      if (s == offset) return mid;
      if (s < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private static boolean singleSpaceBetween(String text, int[] a, int[] b) {
    return b[0] - a[1] == 1 && (text.charAt(a[1]) == ' ' || text.charAt(a[1]) == '\t');
  }

  /** Upper-case first letter and at least one lower-case letter: "Dana", "McDonald", not "PERSON". */
  private static boolean capitalised(String text, int[] w) {
    if (!Character.isUpperCase(text.charAt(w[0])) || w[1] - w[0] < 2) return false;
    for (int i = w[0] + 1; i < w[1]; i++) if (Character.isLowerCase(text.charAt(i))) return true;
    return false;
  }

  private static boolean stop(String text, int[] w) {
    return STOP.contains(lower(text, w));
  }

  private static String lower(String text, int[] w) {
    String s = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
    if (s.endsWith("'s") || s.endsWith("’s")) s = s.substring(0, s.length() - 2);
    return s;
  }

  /** At the start of the text, a line or a sentence. */
  private static boolean sentenceStart(String text, int offset) {
    for (int i = offset - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '"' || c == '“' || c == '(' || c == '¡' || c == '¿' || c == '\'') continue;
      return c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '-' || c == '*' || c == '•';
    }
    return true;
  }
}
