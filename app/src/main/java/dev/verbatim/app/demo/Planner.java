package dev.verbatim.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides every feedback record of the corpus before any text is written: channel, time, account,
 * themes and tones, sentiment, rating, length, language, planted PII and whether (and how) the
 * record is malformed. The writers then turn each {@link Item} into its export shape. One pass,
 * single-threaded, deterministic from the seed.
 */
final class Planner {

  enum Ch {
    TICKET("tickets.json"),
    CHAT("chats.json"),
    REVIEW("reviews.csv"),
    SURVEY("survey.csv");

    final String file;

    Ch(String file) {
      this.file = file;
    }
  }

  /** One planned feedback record. Mutable only while planning. */
  static final class Item {
    Ch ch;
    Instant time;
    int account = -1;
    int person = -1;
    List<Voice.Segment> segs = List.of();
    Voice.Length length = Voice.Length.MEDIUM;
    String lang = "en";
    List<Pii.Item> pii = List.of();
    String malformed; // null when valid
    boolean scoreOnly;
    boolean exposure;
    Item duplicateOf; // a resubmission of that record (same person, same words), or null
    long textSeed;
    String id = "";
    String sentiment = "neutral";
    boolean mixed;
    int rating; // stars 1-5, NPS 0-10, ticket CSAT 1-5 (1 bad, 5 good); -1 none
  }

  /** Malformed kinds per file, with their share of the file's records (at least 2 each). */
  static final String[][] MALFORMED = {
    {"tickets.json", "bad_created_at", "0.003"},
    {"tickets.json", "empty_customer_text", "0.002"},
    {"chats.json", "bad_created_at", "0.003"},
    {"chats.json", "empty_customer_text", "0.002"},
    {"reviews.csv", "star_rating_0", "0.004"},
    {"reviews.csv", "star_rating_6", "0.003"},
    {"reviews.csv", "bad_date", "0.003"},
    {"reviews.csv", "missing_text", "0.004"},
    {"reviews.csv", "wrong_column_count", "0.002"},
    {"survey.csv", "nps_score_11", "0.005"},
    {"survey.csv", "score_not_a_number", "0.002"},
    {"survey.csv", "bad_date", "0.003"},
    {"survey.csv", "wrong_column_count", "0.002"},
  };

  private static final double GROWTH_MULTIPLIER = 4.0;
  /** Probability that a record raises the double charge before the growth start. */
  static final double BILLING_RATE = 0.04;

  final DemoSettings settings;
  final AccountBook book;
  final Themes themes = Themes.get();
  final List<Item> items = new ArrayList<>();
  private final SplittableRandom rnd;
  private final double[] baseWeights;

  Planner(DemoSettings settings, AccountBook book) {
    this.settings = settings;
    this.book = book;
    this.rnd = new SplittableRandom(settings.seed() * 0xBF58476D1CE4E5B9L + 101);
    List<Theme> all = themes.all();
    baseWeights = new double[all.size()];
    for (int i = 0; i < all.size(); i++) baseWeights[i] = baseWeight(all.get(i).id());
  }

  static double growthMultiplier(boolean planted) {
    return planted ? GROWTH_MULTIPLIER : 1.0;
  }

  private static double baseWeight(String theme) {
    return switch (theme) {
      case "billing_double_charge" -> 3;
      case "refunds" -> 5;
      case "bank_sync" -> 6;
      case "onboarding" -> 8;
      case "app_crash" -> 7;
      case "performance" -> 8;
      case "pricing" -> 7;
      case "support" -> 9;
      case "feature_export" -> 5;
      case "dark_mode" -> 4;
      case "login_2fa" -> 6;
      case "notifications" -> 5;
      case "mobile_ux" -> 7;
      case "reporting" -> 4;
      case "sso_admin" -> 1;
      case "integrations" -> 5;
      case "ease_of_use" -> 8;
      default -> 3;
    };
  }

  private static double channelFactor(Ch ch, String theme) {
    return switch (ch) {
      case REVIEW -> switch (theme) {
        case "app_crash", "mobile_ux", "ease_of_use", "dark_mode" -> 2.0;
        case "sso_admin", "integrations", "refunds", "reporting" -> 0.3;
        default -> 1.0;
      };
      case TICKET -> switch (theme) {
        case "billing_double_charge", "refunds", "login_2fa", "bank_sync" -> 1.5;
        case "ease_of_use", "dark_mode" -> 0.4;
        default -> 1.0;
      };
      case SURVEY -> switch (theme) {
        case "support", "ease_of_use", "pricing" -> 1.6;
        default -> 1.0;
      };
      case CHAT -> 1.0;
    };
  }

  /** Plans the whole corpus; items come back sorted by channel then time, with ids. */
  List<Item> plan() {
    int n = settings.records();
    int[] budget = {n * 30 / 100, n * 28 / 100, n * 24 / 100, 0};
    budget[3] = n - budget[0] - budget[1] - budget[2];
    int[] used = new int[4];
    planExposures(used);
    Ch[] chs = Ch.values();
    double[] cum = accountWeights();
    double[] accountless = {0.04, 0.05, 1.0, 0.06};
    for (Ch ch : chs) {
      for (int k = used[ch.ordinal()]; k < budget[ch.ordinal()]; k++) {
        Item it = new Item();
        it.ch = ch;
        if (rnd.nextDouble() >= accountless[ch.ordinal()]) {
          it.account = pickAccount(cum);
          LocalDate from = book.activeStart(it.account);
          LocalDate to = book.activeEnd(it.account);
          it.time = instant(from, to, rnd);
          it.person = rnd.nextInt(book.accounts.get(it.account).people().size());
        } else {
          it.time = instant(settings.start(), settings.end(), rnd);
        }
        if (ch == Ch.REVIEW && rnd.nextInt(100) < 8) {
          int x = rnd.nextInt(4);
          it.lang = x < 2 ? "es" : x == 2 ? "fr" : "de";
        }
        it.segs = drawSegments(it, null, rnd);
        finishItem(it, rnd);
        items.add(it);
      }
    }
    items.sort(Comparator.<Item, Ch>comparing(i -> i.ch).thenComparing(i -> i.time));
    assignScoreOnlyAndMalformed();
    items.forEach(Planner::clearTextless);
    addSurveyResubmissions();
    items.sort(Comparator.<Item, Ch>comparing(i -> i.ch).thenComparing(i -> i.time));
    assignIds();
    return items;
  }

  private void planExposures(int[] used) {
    for (var e : book.exposed.entrySet()) {
      String theme = e.getKey();
      boolean[] flags = e.getValue();
      for (int a = 0; a < flags.length; a++) {
        if (!flags[a]) continue;
        AccountBook.Outcome outcome = switch (theme) {
          case Themes.BANK_SYNC -> book.churn[a];
          case Themes.REPORTING -> book.expansion[a];
          default -> null;
        };
        int k = 2 + rnd.nextInt(3);
        LocalDate start = book.activeStart(a);
        LocalDate end = book.activeEnd(a);
        for (int j = 0; j < k; j++) {
          Item it = new Item();
          int x = rnd.nextInt(100);
          it.ch = x < 50 ? Ch.TICKET : x < 85 ? Ch.CHAT : Ch.SURVEY;
          it.account = a;
          it.person = rnd.nextInt(book.accounts.get(a).people().size());
          it.exposure = true;
          if (outcome != null) {
            LocalDate from = max(start, outcome.date().minusDays(AccountBook.WINDOW_DAYS));
            it.time = instant(from, outcome.date(), rnd);
          } else if (j == 0 && !theme.equals(Themes.SSO_ADMIN)) {
            it.time = instant(max(start, end.minusDays(AccountBook.WINDOW_DAYS)), end, rnd);
          } else {
            it.time = instant(start, end, rnd);
          }
          it.segs = drawSegments(it, themes.byId(theme), rnd);
          finishItem(it, rnd);
          items.add(it);
          used[it.ch.ordinal()]++;
        }
      }
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private double[] accountWeights() {
    int n = book.accounts.size();
    double[] cum = new double[n];
    double s = 0;
    for (int a = 0; a < n; a++) {
      long days = ChronoUnit.DAYS.between(book.activeStart(a), book.activeEnd(a)) + 1;
      s += book.accounts.get(a).activity() * Math.max(1, days);
      cum[a] = s;
    }
    return cum;
  }

  private int pickAccount(double[] cum) {
    double x = rnd.nextDouble() * cum[cum.length - 1];
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A random instant between the two days (inclusive), fewer on weekends, mostly office hours. */
  Instant instant(LocalDate from, LocalDate to, SplittableRandom rnd) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    LocalDate d;
    do {
      d = from.plusDays(rnd.nextLong(Math.max(1, days)));
    } while (d.getDayOfWeek().getValue() >= 6 && rnd.nextInt(100) < 55);
    int hour = rnd.nextInt(100) < 80 ? 7 + rnd.nextInt(12) : rnd.nextInt(24);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L + rnd.nextInt(3600));
  }

  /** Themes and tones of one record; {@code forced} (if not null) comes first. */
  List<Voice.Segment> drawSegments(Item it, Theme forced, SplittableRandom rnd) {
    List<Theme> all = themes.all();
    int x = rnd.nextInt(100);
    int count = x < 55 ? 1 : x < 90 ? 2 : 3;
    if (it.ch == Ch.TICKET && count == 1 && rnd.nextInt(4) == 0) count = 2;
    boolean foreign = !it.lang.equals("en");
    if (foreign) count = Math.min(count, 2);
    double growth = growthMultiplier(settings.plantedEffects());
    boolean afterGrowth = !it.time.isBefore(settings.growthStart().atStartOfDay(ZoneOffset.UTC).toInstant());
    double[] w = new double[all.size()];
    for (int i = 0; i < w.length; i++) {
      Theme t = all.get(i);
      String id = t.id();
      boolean accountTheme = id.equals(Themes.BANK_SYNC) || id.equals(Themes.REPORTING) || id.equals(Themes.SSO_ADMIN);
      if (it.account >= 0 && accountTheme) continue; // raised by accounts only through their exposure
      if (foreign && !t.speaks(it.lang)) continue;
      if (forced != null && t == forced) continue;
      if (id.equals(Themes.BILLING_DOUBLE_CHARGE)) continue; // drawn on its own below, for an exact rate
      w[i] = baseWeights[i] * channelFactor(it.ch, id);
    }
    List<Voice.Segment> segs = new ArrayList<>();
    if (forced != null) {
      segs.add(new Voice.Segment(forced, forced.drawTone(rnd)));
      count = rnd.nextInt(3) == 0 ? 2 : 1;
    }
    // The growth effect: each record raises the double charge with a fixed probability, multiplied at
    // the growth start, so the planted ratio of rates is exact whatever the other themes do.
    Theme billing = themes.byId(Themes.BILLING_DOUBLE_CHARGE);
    double p = BILLING_RATE * (afterGrowth ? growth : 1.0);
    boolean withBilling = (!foreign || billing.speaks(it.lang)) && rnd.nextDouble() < p;
    int others = withBilling ? count - 1 : count;
    while (segs.size() < others) {
      double total = 0;
      for (double v : w) total += v;
      if (total <= 0) break;
      double r = rnd.nextDouble() * total;
      int pick = 0;
      while (pick < w.length - 1 && (r -= w[pick]) >= 0) pick++;
      while (w[pick] == 0) pick--; // floating-point edge: land on a theme that has weight
      w[pick] = 0;
      Theme t = all.get(pick);
      Theme.Tone tone = t.drawTone(rnd);
      if (foreign) tone = t.foreign().containsKey(it.lang + "+") ? Theme.Tone.POS : Theme.Tone.NEG;
      segs.add(new Voice.Segment(t, tone));
    }
    if (withBilling) {
      var seg = new Voice.Segment(billing, foreign ? Theme.Tone.NEG : billing.drawTone(rnd));
      int at = forced != null ? 1 + rnd.nextInt(segs.size()) : rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(segs.size() + 1);
      segs.add(Math.min(at, segs.size()), seg);
    }
    return List.copyOf(segs);
  }

  /** Sentiment, rating, length, PII and text seed. */
  void finishItem(Item it, SplittableRandom rnd) {
    double score = 0;
    boolean pos = false;
    boolean neg = false;
    for (int i = 0; i < it.segs.size(); i++) {
      Theme.Tone t = it.segs.get(i).tone();
      double w = i == 0 ? 1.5 : 1.0;
      switch (t) {
        case NEG, SARC -> {
          score -= w;
          neg = true;
        }
        case POS -> {
          score += w;
          pos = true;
        }
        case REQ -> score -= 0.2 * w;
      }
    }
    score /= it.segs.size() + 0.5;
    it.sentiment = score < -0.25 ? "negative" : score > 0.25 ? "positive" : "neutral";
    it.mixed = pos && neg;
    it.rating = switch (it.ch) {
      case REVIEW -> switch (it.sentiment) {
        case "negative" -> it.mixed ? 2 + rnd.nextInt(2) : rnd.nextInt(10) < 6 ? 1 : 2;
        case "positive" -> it.mixed ? 4 : rnd.nextInt(10) < 7 ? 5 : 4;
        default -> 2 + rnd.nextInt(3);
      };
      case SURVEY -> switch (it.sentiment) {
        case "negative" -> it.mixed ? 4 + rnd.nextInt(3) : rnd.nextInt(7);
        case "positive" -> it.mixed ? 8 + rnd.nextInt(2) : 9 + rnd.nextInt(2);
        default -> 6 + rnd.nextInt(3);
      };
      case TICKET -> rnd.nextInt(3) == 0 ? -1 : it.sentiment.equals("negative") ? 1 : it.sentiment.equals("positive") ? 5 : -1;
      case CHAT -> -1;
    };
    int x = rnd.nextInt(100);
    it.length = switch (it.ch) {
      case TICKET -> x < 45 ? Voice.Length.LONG : x < 90 ? Voice.Length.MEDIUM : Voice.Length.SHORT;
      case CHAT -> x < 50 ? Voice.Length.SHORT : Voice.Length.MEDIUM;
      case REVIEW -> x < 55 ? Voice.Length.SHORT : x < 95 ? Voice.Length.MEDIUM : Voice.Length.LONG;
      case SURVEY -> x < 70 ? Voice.Length.SHORT : Voice.Length.MEDIUM;
    };
    int piiPct = switch (it.ch) {
      case TICKET, CHAT -> 8;
      case REVIEW -> 2;
      case SURVEY -> 3;
    };
    if (it.lang.equals("en") && rnd.nextInt(100) < piiPct) {
      it.pii = rnd.nextInt(100) < 85 ? List.of(Pii.draw(rnd)) : List.of(Pii.draw(rnd), Pii.draw(rnd));
    }
    it.textSeed = rnd.nextLong();
  }

  /** Drops the themes of records that carry no text (score-only rows, missing-text rows). */
  private static void clearTextless(Item it) {
    if (it.scoreOnly || "missing_text".equals(it.malformed) || "empty_customer_text".equals(it.malformed)) {
      it.segs = List.of();
      it.pii = List.of();
    }
  }

  private void assignScoreOnlyAndMalformed() {
    for (Ch ch : Ch.values()) {
      List<Item> eligible = new ArrayList<>();
      for (Item it : items) {
        if (it.ch == ch && !it.exposure && it.pii.isEmpty()) eligible.add(it);
      }
      // Fisher-Yates on the eligible list; the first ones become score-only or malformed.
      for (int i = eligible.size() - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        Item t = eligible.get(i);
        eligible.set(i, eligible.get(j));
        eligible.set(j, t);
      }
      int at = 0;
      long total = items.stream().filter(i -> i.ch == ch).count();
      for (String[] m : MALFORMED) {
        if (!m[0].equals(ch.file)) continue;
        int k = Math.max(2, (int) Math.round(total * Double.parseDouble(m[2])));
        for (int j = 0; j < k && at < eligible.size(); j++) eligible.get(at++).malformed = m[1];
      }
      if (ch == Ch.SURVEY) {
        int k = (int) Math.round(total * 0.18);
        for (int j = 0; j < k && at < eligible.size(); j++) eligible.get(at++).scoreOnly = true;
      }
    }
  }

  /**
   * Plants survey resubmissions: 0.5 % of survey rows with text are sent again by the same person
   * 30 s to 5 min later with the same score and comment (a double click, a retried form). The clean
   * stage should count each once.
   */
  private void addSurveyResubmissions() {
    List<Item> eligible = new ArrayList<>();
    for (Item it : items) {
      if (it.ch == Ch.SURVEY && it.malformed == null && !it.scoreOnly && !it.exposure && it.pii.isEmpty()) eligible.add(it);
    }
    long total = items.stream().filter(i -> i.ch == Ch.SURVEY).count();
    int k = (int) Math.round(total * 0.005);
    for (int j = 0; j < k && !eligible.isEmpty(); j++) {
      Item orig = eligible.remove(rnd.nextInt(eligible.size()));
      Item dup = new Item();
      dup.ch = orig.ch;
      dup.time = orig.time.plusSeconds(30 + rnd.nextInt(270));
      dup.account = orig.account;
      dup.person = orig.person;
      dup.segs = orig.segs;
      dup.length = orig.length;
      dup.lang = orig.lang;
      dup.textSeed = orig.textSeed;
      dup.sentiment = orig.sentiment;
      dup.mixed = orig.mixed;
      dup.rating = orig.rating;
      dup.duplicateOf = orig;
      items.add(dup);
    }
  }

  private void assignIds() {
    int[] seq = new int[4];
    for (Item it : items) {
      int s = seq[it.ch.ordinal()]++;
      it.id = switch (it.ch) {
        case TICKET -> Long.toString(40_001L + s);
        case CHAT -> Long.toString(215_000_001L + s);
        case REVIEW -> "gp:AOqpTO" + Long.toString(0x10000000L + s * 7919L, 36).toUpperCase(java.util.Locale.ROOT);
        case SURVEY -> "r-" + (10_001 + s);
      };
    }
  }
}
