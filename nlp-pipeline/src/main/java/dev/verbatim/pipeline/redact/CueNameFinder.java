package dev.verbatim.pipeline.redact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds person names by cues and a gazetteer: "my name is X", greetings ("Hi Dana", "Bonjour
 * Pierre"), sign-offs and signatures ("Thanks,\nDana Whitfield"), honorifics ("Mr Grant"), roles
 * ("spoke to Mike", "Sarah from support"), and given names from a list of about 600 in the
 * languages Verbatim sees, each extended by the capitalised surname that follows.
 *
 * <p><b>Second opinion from a statistical recogniser.</b> Cues catch the predictable ways customer
 * text names people (greetings, sign-offs, "my name is", "the agent Mike") in any of our languages
 * at regex speed, and are masked without further checks. Without a cue, Stanford CoreNLP's CRF
 * recogniser ({@link CrfEntities}; why CoreNLP is explained there) decides two cases: a capitalised
 * pair of words in no list is masked only if it calls it a person ("Ngozi Adeyemi"); a given name
 * followed by a capitalised word is left alone if it calls the pair an organisation, place or
 * product ("Morgan Stanley", "Victoria Park"). It is asked about a window of 4 words either side
 * ({@code CONTEXT_WORDS}), at most 16 times per text ({@code MAX_CALLS_PER_TEXT}), because each
 * call costs more than the rest of the stage per record.
 *
 * <p><b>Words that are names</b> ("Rose", "Bill", "Grant", "Will", "May") are masked only with a
 * cue or a capitalised surname mid-sentence, so "I got a Bill" at a sentence start or "prices rose"
 * stay.
 *
 * <p>Stateless after construction and thread-safe; linear in the text (bounded patterns).
 */
final class CueNameFinder {


  /** Cues after which any capitalised word is a name. */
  static final Pattern STRONG_CUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:my name is|my name's|my name’s|name is|me llamo|mi nombre es|je m'appelle|"
              + "je m’appelle|mon nom est|ich heiße|ich heisse|mein name ist|mijn naam is|ik heet|"
              + "meu nome é|me chamo|chamo-me|call me|named|spoke to|spoke with|speaking with|"
              + "talked to|talked with|chatted with|ask for|asked for|agent|rep|representative|"
              + "advisor|adviser|colleague|supervisor|technician|accountant|bookkeeper|controller|manager|boss|"
              + "husband|wife|coworker|co-worker|teammate|assistant|secretary|founder|owner|habl[ée] con|parl[ée] (?:à|avec)|"
              + "sprach mit|gesproken met|falei com|signed)[ \\t]*[:,]?[ \\t]+");

  /** Cues after which a capitalised word is a name only if it is a known given name. */
  static final Pattern WEAK_CUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:i am|i'm|i’m|this is|it's|it’s|soy|je suis|ich bin|ik ben|eu sou|sono|"
              + "thanks|thank you|thx|cheers|gracias|merci|danke|bedankt|obrigad[oa]|grazie|"
              + "regards|best|sincerely|saludos|cordialement|groeten|grüße|gruß|love|xoxo|"
              + "told|tell|asked|ask|thank)[ \\t]*[,:]?[ \\t]*(?:\\n[ \\t]*)?");

  /** Greetings: any capitalised word after them is a name (unless a stop word like "Team"). */
  static final Pattern GREETING =
      Pattern.compile(
          "(?<![\\p{L}])(?:hi|hello|hey|hiya|dear|morning|good morning|good afternoon|good evening|hola|"
              + "buenos días|buenas tardes|estimado|estimada|querido|querida|bonjour|bonsoir|salut|"
              + "cher|chère|hallo|guten tag|liebe|lieber|sehr geehrte|sehr geehrter|moin|hoi|beste|"
              + "goedemorgen|goedemiddag|olá|oi|prezado|prezada|caro|cara|ciao|buongiorno)"
              + "(?:[ \\t]+(?:mr|mrs|ms|miss|dr|frau|herr|señor|señora|sr|sra|monsieur|madame|mevrouw|"
              + "meneer|senhor|senhora)\\.?)?[ \\t]*,?[ \\t]+");

  /** Honorifics: the capitalised word after them is a name. Case-sensitive. */
  static final Pattern HONORIFIC =
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
  static final Pattern ROLE_AFTER =
      Pattern.compile(
          "(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]{1,30})[ \\t]+(?:from|at|in|of|on)[ \\t]+(?:the[ \\t]+|your[ \\t]+|our[ \\t]+)?"
              + "(?:support|customer service|customer support|customer care|billing|sales|help ?desk|"
              + "tech support|team|phone|chat|finance|accounting|accounts|procurement|purchasing|payroll|"
              + "IT|HR|legal|operations|ops|marketing|engineering|management)\\b|(?<![\\p{L}])(\\p{Lu}[\\p{Ll}'’-]{1,30})[ \\t]+"
              + "(?:told me|promised me|assured me|helped me|emailed me|called me|said that)\\b");

  /** The first letters each word-start cue can begin with ({@link MatchStarts.Openings}), to skip other words. */
  private static final Map<Pattern, MatchStarts.Openings> CUE_OPENINGS =
      Map.of(
          STRONG_CUE, new MatchStarts.Openings(STRONG_CUE),
          WEAK_CUE, new MatchStarts.Openings(WEAK_CUE),
          GREETING, new MatchStarts.Openings(GREETING),
          HONORIFIC, new MatchStarts.Openings(HONORIFIC));

  static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

  /** A hyphen then a lower-case letter: "Penny-pinching" is a word, "Jean-Luc" a name. */
  private static final Pattern HYPHENATED_WORD = Pattern.compile("-\\p{Ll}");

  /**
   * Words that make a capitalised pair a business, not a person ("Wayne Dental", "Bluefin
   * Bakery"): the recogniser calls many such pairs PERSON, so they are never masked as names.
   */
  private static final Set<String> BUSINESS_WORDS =
      words(
          "dental", "design", "designs", "lab", "labs", "travel", "bakery", "analytics", "ventures",
          "logistics", "coffee", "studio", "studios", "consulting", "consultants", "group", "holdings",
          "partners", "solutions", "systems", "media", "foods", "motors", "software", "technologies",
          "tech", "capital", "bank", "insurance", "clinic", "health", "healthcare", "law", "architects",
          "architecture", "construction", "realty", "properties", "agency", "supplies", "works",
          "industries", "international", "global", "digital", "networks", "cloud", "apps", "store",
          "stores", "shop", "market", "markets", "cafe", "café", "restaurant", "hotel", "hotels",
          "airlines", "airways", "energy", "pharma", "medical", "fitness", "gym", "school", "academy",
          "university", "college", "institute", "foundation", "office", "accounting", "advisors",
          "associates", "brothers", "bros", "electric", "engineering", "films", "finance", "financial",
          "garden", "gardens", "homes", "interiors", "investments", "legal", "marketing", "partners",
          "pay", "payments", "plumbing", "press", "printing", "productions", "publishing", "records",
          "rentals", "repair", "security", "services", "shipping", "sports", "supply", "textiles",
          "tours", "trading", "transport", "vet", "veterinary", "wellness", "wines", "street",
          "avenue", "road", "square", "station", "airport", "center", "centre",
          "city", "county", "valley", "beach", "island", "bay", "river", "lake", "mountain", "hills",
          "heights", "point", "harbor", "harbour", "port", "plaza", "mall", "tower", "building");

  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those");

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
          "gmbh", "llc", "corp", "co", "bv", "sa", "sl", "sas", "srl", "ag", "plc", "acme",
          "someone", "somebody", "anyone", "anybody", "nobody", "noone", "people", "person", "whoever",
          // possessives and pronouns that start sentences in the other languages
          "mein", "meine", "meinen", "meiner", "unser", "unsere", "ihr", "ihre", "dein", "deine", "mijn",
          "onze", "ons", "uw", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "mi", "mis", "nuestra",
          "nuestro", "su", "sus", "minha", "meu", "meus", "minhas", "nossa", "nosso", "sua", "seu");

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  private final Set<String> names;
  private final Set<String> ambiguous;
  private final Function<String, List<CrfEntities.Entity>> recogniser;

  private CueNameFinder(Set<String> names, Set<String> ambiguous, Function<String, List<CrfEntities.Entity>> recogniser) {
    this.names = names;
    this.ambiguous = ambiguous;
    this.recogniser = recogniser;
  }

  /** Loads the gazetteers shipped with this class, with CoreNLP's recogniser as the second opinion. */
  static CueNameFinder load() {
    CrfEntities.preload();
    return load(CrfEntities::entities);
  }

  /** Cues and gazetteers only: no second opinion (for measuring what the recogniser adds). */
  static CueNameFinder withoutRecogniser() {
    return load(sentence -> List.of());
  }

  private static CueNameFinder load(Function<String, List<CrfEntities.Entity>> recogniser) {
    Set<String> ambiguous = readList("ambiguous-names.txt");
    Set<String> names = readList("first-names.txt");
    names.removeAll(ambiguous);
    return new CueNameFinder(Set.copyOf(names), Set.copyOf(ambiguous), recogniser);
  }

  /** Number of sentences handed to the recogniser so far (all threads), for benchmarks. */
  static long recognised() {
    return RECOGNISED.sum();
  }

  private static final LongAdder RECOGNISED = new LongAdder();

  /** Longest stretch either side of a candidate that is handed to the recogniser. */
  private static final int WINDOW = 200;

  /**
   * At most this many recogniser calls per text (about 2 ms each). Past it the finder decides as if
   * there were no recogniser: known names stay masked, unknown pairs stay unmasked. Ordinary
   * feedback needs a handful; this bounds hostile input ("Dana " a million times).
   */
  static final int MAX_CALLS_PER_TEXT = 16;

  /**
   * The recogniser's entities for the sentences of one text, asked lazily (only about sentences
   * holding a candidate) and once per sentence.
   */
  private final class Sentences {
    private final String text;
    private final List<Window> asked = new ArrayList<>();
    private int calls = 0;

    Sentences(String text) {
      this.text = text;
    }

    /** True if the recogniser labels something overlapping [start, end) with a label other than {@code label}. */
    boolean isNot(int start, int end, String label) {
      for (CrfEntities.Entity e : around(start, end)) if (e.overlaps(start, end) && !e.label().equals(label)) return true;
      return false;
    }

    /** The end of a PERSON entity overlapping the first character of [start, end), or -1. */
    int personEnd(int start, int end) {
      for (CrfEntities.Entity e : around(start, end)) {
        if (e.label().equals("PERSON") && e.overlaps(start, start + 1)) return Math.min(e.end(), end);
      }
      return -1;
    }

    /** Entities (absolute offsets) of the sentence around [start, end). */
    private List<CrfEntities.Entity> around(int start, int end) {
      for (Window w : asked) if (w.from <= start && end <= w.to) return w.entities;
      // CONTEXT_WORDS words either side, within the sentence: the model's features look at two
      // words either side, and the cost grows with the length
      int from = start;
      int floor = Math.max(0, start - WINDOW);
      for (int spaces = 0; from > floor && !boundary(text.charAt(from - 1)); from--) {
        if (text.charAt(from - 1) == ' ' && ++spaces > CONTEXT_WORDS) break;
      }
      int to = end;
      int ceiling = Math.min(text.length(), end + WINDOW);
      for (int spaces = 0; to < ceiling && !boundary(text.charAt(to)); to++) {
        if (text.charAt(to) == ' ' && ++spaces > CONTEXT_WORDS) break;
      }
      if (to < text.length() && text.charAt(to) != '\n' && text.charAt(to) != ' ') to++; // keep the full stop
      if (calls >= MAX_CALLS_PER_TEXT) return List.of();
      calls++;
      RECOGNISED.increment();
      List<CrfEntities.Entity> found = new ArrayList<>();
      for (CrfEntities.Entity e : recogniser.apply(text.substring(from, to))) {
        found.add(new CrfEntities.Entity(e.label(), e.start() + from, e.end() + from));
      }
      asked.add(new Window(from, to, found));
      return found;
    }
  }

  private record Window(int from, int to, List<CrfEntities.Entity> entities) {}

  /** Words of context either side of a candidate handed to the recogniser. */
  private static final int CONTEXT_WORDS = 4;

  private static boolean boundary(char c) {
    return c == '\n' || c == '.' || c == '!' || c == '?';
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

  /**
   * The matches of {@link #WORD} ({@code \p{L}[\p{L}\p{M}'’-]*}) as start and end offsets, by a
   * scan over code points rather than the regex (the same spans, at a fraction of the cost).
   */
  static List<int[]> words(String text) {
    List<int[]> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      i += Character.charCount(cp);
      while (i < n) {
        int c = text.codePointAt(i);
        if (!(Character.isLetter(c) || isMark(c) || c == '\'' || c == '’' || c == '-')) break;
        i += Character.charCount(c);
      }
      words.add(new int[] {start, i});
    }
    return words;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** Adds a {@link PiiType#PERSON} hit for every name found in {@code text}. */
  void find(String text, String lower, List<Hit> out) {
    List<int[]> words = words(text);
    if (words.isEmpty()) return;
    boolean[] taken = new boolean[words.size()];
    Sentences entities = new Sentences(text);

    // Cue patterns run on a same-length lower-cased copy: case-insensitive alternations are slow.
    cued(STRONG_CUE, lower, text, words, taken, out, Strength.ANY, entities);
    cued(GREETING, lower, text, words, taken, out, Strength.ANY, entities);
    cued(HONORIFIC, text, text, words, taken, out, Strength.ANY, entities);
    cued(SIGN_OFF_LINE, lower, text, words, taken, out, Strength.SIGNATURE, entities);
    cued(WEAK_CUE, lower, text, words, taken, out, Strength.KNOWN, entities);

    Matcher m = ROLE_AFTER.matcher(text);
    for (int from = 0; MatchStarts.find(m, text, from, CueNameFinder::capitalAtWordStart); from = MatchStarts.next(m)) {
      int g = m.group(1) != null ? 1 : 2;
      int idx = wordAt(words, m.start(g));
      if (idx >= 0 && !taken[idx] && !stop(text, words.get(idx)) && !sentenceStartAmbiguous(text, words, idx)
          && !HYPHENATED_WORD.matcher(m.group(g)).find()) { // "Penny-pinching on support"
        int first = idx;
        // "Oluwaseun Bakare told me": the given name before the matched surname
        if (idx > 0 && !taken[idx - 1] && capitalised(text, words.get(idx - 1)) && !stop(text, words.get(idx - 1))
            && singleSpaceBetween(text, words.get(idx - 1), words.get(idx))) {
          first = idx - 1;
        }
        emit(text, words, taken, first, Math.max(extent(text, words, idx), idx), out);
      }
    }

    // Without a cue: a given name from the gazetteer, unless the recogniser calls it an
    // organisation, place or product ("Morgan Stanley", "Victoria Park"); a capitalised pair of
    // unknown words only if the recogniser calls it a person ("Ngozi Adeyemi").
    for (int i = 0; i < words.size(); i++) {
      if (taken[i] || !capitalised(text, words.get(i))) continue;
      String word = lower(text, words.get(i));
      if (i > 0 && PLACE_PREFIXES.contains(lower(text, words.get(i - 1)))) continue; // San Francisco
      boolean known = names.contains(word)
          || (ambiguous.contains(word) && !sentenceStart(text, words.get(i)[0])
              && i + 1 < words.size() && surnameFollows(text, words, i));
      if (known) {
        if (afterDeterminer(text, words, i)) continue; // "the Victoria office", "a Grant Thornton audit"
        int last = extent(text, words, i);
        if (last > i && businessWord(text, words, i + 1, last)) continue; // "Wayne Dental", "Victoria Station"
        // A given name alone stays masked whatever the model says (it calls "Nathan" MISC and
        // "(Linda)" a place); with a following capitalised word, it may be a firm or a place.
        if (last > i && entities.isNot(words.get(i)[0], words.get(last)[1], "PERSON")) continue;
        emit(text, words, taken, i, last, out);
      } else if (unknownPair(text, words, taken, i) && !afterDeterminer(text, words, i)) {
        int last = extent(text, words, i);
        if (businessWord(text, words, i, last)) continue;
        int end = entities.personEnd(words.get(i)[0], words.get(last)[1]);
        while (last > i && words.get(last)[0] >= end) last--;
        if (end > words.get(i)[0]) emit(text, words, taken, i, last, out);
      }
    }
  }

  /**
   * An upper-case letter not preceded by a letter: where every {@link #ROLE_AFTER} match begins
   * ({@code (?<![\p{L}])\p{Lu}}). A surrogate is let through for the pattern to decide. The
   * look-behind reads one char, as Java's regex does: after a supplementary letter it sees a lone
   * low surrogate, which is not a letter, so the position passes.
   */
  static boolean capitalAtWordStart(String text, int i) {
    char c = text.charAt(i);
    if (Character.isSurrogate(c)) return true;
    return Character.getType(c) == Character.UPPERCASE_LETTER
        && (i == 0 || !Character.isLetter(text.charAt(i - 1)));
  }

  /** Word {@code i} and the next are capitalised, name-shaped and in no list: "Ngozi Adeyemi", also "Dark Mode". */
  private boolean unknownPair(String text, List<int[]> words, boolean[] taken, int i) {
    if (i + 1 >= words.size() || taken[i + 1]) return false;
    int[] a = words.get(i);
    int[] b = words.get(i + 1);
    return !stop(text, a) && !ambiguous.contains(lower(text, a)) && singleSpaceBetween(text, a, b)
        && capitalised(text, b) && !stop(text, b) && !HYPHENATED_WORD.matcher(text.substring(a[0], a[1])).find();
  }

  private static boolean businessWord(String text, List<int[]> words, int from, int last) {
    for (int k = from; k <= last; k++) if (BUSINESS_WORDS.contains(lower(text, words.get(k)))) return true;
    return false;
  }

  /** An English article or demonstrative right before word {@code i}: names rarely follow one. */
  private static boolean afterDeterminer(String text, List<int[]> words, int i) {
    return i > 0 && singleSpaceBetween(text, words.get(i - 1), words.get(i))
        && DETERMINERS.contains(lower(text, words.get(i - 1)));
  }

  private enum Strength { ANY, KNOWN, SIGNATURE }

  /**
   * The next match of {@code m}'s pattern that starts at a word start at or after {@code from}: the
   * matches {@code find()} gives for a pattern that begins with {@code (?<![\p{L}])} and a letter,
   * but tried only where a word begins rather than at every character (the lookbehind in front of
   * a large alternation, at every position, was most of the redact stage's time).
   */
  private static boolean findAtWordStart(Matcher m, String s, int from, MatchStarts.Openings openings) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      if (!Character.isLetter(s.charAt(i))) continue;
      if (i > 0 && Character.isLetter(Character.codePointBefore(s, i))) continue;
      if (!openings.mayStart(s, i)) continue; // most words begin no cue: skip the large alternation
      m.region(i, n);
      if (m.lookingAt()) return true;
    }
    return false;
  }

  private void cued(
      Pattern cue, String searched, String text, List<int[]> words, boolean[] taken, List<Hit> out, Strength strength,
      Sentences entities) {
    Matcher m = cue.matcher(searched);
    MatchStarts.Openings openings = CUE_OPENINGS.get(cue); // null for SIGN_OFF_LINE
    boolean atWords = cue != SIGN_OFF_LINE; // the others begin with (?<![\p{L}]) and a letter
    int from = 0;
    while (atWords ? findAtWordStart(m, searched, from, openings) : m.find()) {
      from = m.end();
      int idx = wordAt(words, m.end());
      if (idx < 0 || taken[idx] || !capitalised(text, words.get(idx))) continue;
      String lower = lower(text, words.get(idx));
      // "Will", "May", "April" are stop words in running text but names after a cue.
      if (stop(text, words.get(idx)) && !ambiguous.contains(lower)) continue;
      boolean known = names.contains(lower) || ambiguous.contains(lower);
      switch (strength) {
        case ANY -> emit(text, words, taken, idx, out);
        case KNOWN -> {
          if (known) {
            emit(text, words, taken, idx, out);
          } else { // "soy Lucía", "I'm Ngozi": a name the lists lack, if the recogniser agrees
            int last = extent(text, words, idx);
            int end = entities.personEnd(words.get(idx)[0], words.get(last)[1]);
            while (last > idx && words.get(last)[0] >= end) last--;
            if (end > words.get(idx)[0]) emit(text, words, taken, idx, last, out);
          }
        }
        case SIGNATURE -> {
          if (known || aloneOnLine(text, words, idx)) emit(text, words, taken, idx, out);
        }
      }
    }
  }

  /** The name at word {@code idx} plus a following capitalised surname (and particles). */
  private void emit(String text, List<int[]> words, boolean[] taken, int idx, List<Hit> out) {
    emit(text, words, taken, idx, extent(text, words, idx), out);
  }

  /** The last word of the name starting at word {@code idx}: up to three capitalised words and particles. */
  private static int extent(String text, List<int[]> words, int idx) {
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
    return last;
  }

  private static void emit(String text, List<int[]> words, boolean[] taken, int idx, int last, List<Hit> out) {
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
