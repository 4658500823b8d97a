package dev.verbatim.app.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's customer accounts: segments, plans, ARR, contacts, which planted themes each account
 * raises (its exposures) and its outcomes (churn, expansion, contraction) drawn so that the planted
 * relative risks hold within every segment. Built once per corpus; immutable after {@link #build}.
 */
final class AccountBook {
  static final String[] SEGMENTS = {"smb", "mid-market", "enterprise"};
  /** Churn probability of accounts that do not raise the churn theme, by segment. */
  static final double[] CHURN_BASE = {0.14, 0.09, 0.05};
  /** Expansion probability of accounts that do not raise the expansion theme, by segment. */
  static final double[] EXPANSION_BASE = {0.06, 0.12, 0.22};
  static final double CHURN_RR = 3.0;
  static final double EXPANSION_RR = 2.5;
  static final int WINDOW_DAYS = 90;
  /** Share of accounts raising the confounder theme, by segment, when effects are planted. */
  static final double[] CONFOUNDER_SHARE = {0.04, 0.18, 0.65};
  static final double EXPOSURE_SHARE = 0.22;

  record Person(long userId, String first, String last, String email, String contactId) {}

  record Account(
      int index,
      String id,
      int orgId,
      String name,
      String domain,
      int segment,
      String plan,
      long arr,
      LocalDate start,
      double activity,
      List<Person> people) {

    String segmentName() {
      return SEGMENTS[segment];
    }
  }

  record Outcome(int account, String type, LocalDate date, long arrChange) {}

  final List<Account> accounts;
  /** Theme id → per-account flag: the account raises it. */
  final Map<String, boolean[]> exposed;
  final Outcome[] churn;
  final Outcome[] expansion;
  final Outcome[] contraction;
  final LocalDate periodStart;
  final LocalDate periodEnd;

  private AccountBook(
      List<Account> accounts, Map<String, boolean[]> exposed, Outcome[] churn, Outcome[] expansion,
      Outcome[] contraction, LocalDate periodStart, LocalDate periodEnd) {
    this.accounts = accounts;
    this.exposed = exposed;
    this.churn = churn;
    this.expansion = expansion;
    this.contraction = contraction;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
  }

  /** The last day the account can write: its churn date or the period's end. */
  LocalDate activeEnd(int a) {
    return churn[a] != null ? churn[a].date() : periodEnd;
  }

  LocalDate activeStart(int a) {
    LocalDate s = accounts.get(a).start();
    return s.isAfter(periodStart) ? s : periodStart;
  }

  static AccountBook build(DemoSettings settings) {
    var rnd = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + 17);
    LocalDate ps = settings.start();
    LocalDate pe = settings.end();
    int n = settings.accounts();
    List<Account> accounts = new ArrayList<>(n);
    long userId = 1001;
    for (int i = 0; i < n; i++) {
      int x = rnd.nextInt(100);
      int seg = x < 58 ? 0 : x < 85 ? 1 : 2;
      String name = Slots.pick(Slots.COMPANY_A, rnd) + " " + Slots.pick(Slots.COMPANY_B, rnd);
      String domain = Pii.ascii(name.replace(" ", "")) + (rnd.nextInt(4) == 0 ? ".io" : ".com");
      String plan = switch (seg) {
        case 0 -> rnd.nextInt(3) == 0 ? "pro" : "basic";
        case 1 -> rnd.nextInt(3) == 0 ? "business" : "pro";
        default -> "enterprise";
      };
      double[] median = {2_400, 24_000, 180_000};
      long arr = Math.round(median[seg] * StrictMath.exp(0.6 * gaussian(rnd)) / 10) * 10;
      LocalDate start = rnd.nextInt(100) < 85
          ? ps.minusDays(1 + rnd.nextInt(4 * 365))
          : ps.plusDays(rnd.nextInt(120));
      double activity = new double[] {1.0, 1.8, 3.0}[seg] * StrictMath.exp(0.5 * gaussian(rnd));
      int people = 1 + rnd.nextInt(new int[] {2, 4, 6}[seg]);
      List<Person> ps2 = new ArrayList<>();
      for (int p = 0; p < people; p++) {
        String first = Slots.pick(Slots.FIRST_NAMES, rnd);
        String last = Slots.pick(Slots.LAST_NAMES, rnd);
        String email = Pii.email(first, last, domain, rnd);
        String contact = String.format(Locale.ROOT, "%08x", rnd.nextInt() & 0x7fffffff);
        ps2.add(new Person(userId++, first, last, email, contact));
      }
      accounts.add(new Account(i, String.format(Locale.ROOT, "acc-%04d", i + 1), 501 + i, name, domain, seg,
          plan, arr, start, activity, List.copyOf(ps2)));
    }

    boolean on = settings.plantedEffects();
    Map<String, boolean[]> exposed = new LinkedHashMap<>();
    boolean[] bank = new boolean[n];
    boolean[] reporting = new boolean[n];
    boolean[] sso = new boolean[n];
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      bank[i] = rnd.nextDouble() < EXPOSURE_SHARE && roomFor(a, ps, pe);
      reporting[i] = rnd.nextDouble() < EXPOSURE_SHARE;
      sso[i] = rnd.nextDouble() < (on ? CONFOUNDER_SHARE[a.segment()] : EXPOSURE_SHARE);
    }
    exposed.put(Themes.BANK_SYNC, bank);
    exposed.put(Themes.REPORTING, reporting);
    exposed.put(Themes.SSO_ADMIN, sso);

    Outcome[] churn = new Outcome[n];
    Outcome[] expansion = new Outcome[n];
    Outcome[] contraction = new Outcome[n];
    // Outcomes are allocated with exact counts per cell (segment x theme exposure x confounder
    // exposure), carrying the rounding remainder from cell to cell: the planted relative risk then
    // holds within every segment, and the confounder is independent of outcomes within segments.
    for (int seg = 0; seg < 3; seg++) {
      for (int e = 0; e < 2; e++) {
        double rate = CHURN_BASE[seg] * (e == 1 && on ? CHURN_RR : 1.0);
        double expected = 0;
        int taken = 0;
        for (int c = 0; c < 2; c++) {
          List<Integer> cell = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            if (a.segment() == seg && bank[i] == (e == 1) && sso[i] == (c == 1) && roomFor(a, ps, pe)) cell.add(i);
          }
          expected += rate * cell.size();
          int k = (int) Math.round(expected) - taken;
          shuffle(cell, rnd);
          for (int j = 0; j < k && j < cell.size(); j++) {
            int i = cell.get(j);
            churn[i] = new Outcome(i, "churn", dateInWindow(accounts.get(i), ps, pe, rnd), -accounts.get(i).arr());
            taken++;
          }
        }
      }
    }
    for (int seg = 0; seg < 3; seg++) {
      for (int e = 0; e < 2; e++) {
        double rate = EXPANSION_BASE[seg] * (e == 1 && on ? EXPANSION_RR : 1.0);
        double expected = 0;
        int taken = 0;
        for (int c = 0; c < 2; c++) {
          int cellSize = 0;
          List<Integer> eligible = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            if (a.segment() == seg && reporting[i] == (e == 1) && sso[i] == (c == 1)) {
              cellSize++;
              if (churn[i] == null && roomFor(a, ps, pe)) eligible.add(i);
            }
          }
          expected += rate * cellSize;
          int k = (int) Math.round(expected) - taken;
          shuffle(eligible, rnd);
          for (int j = 0; j < k && j < eligible.size(); j++) {
            int i = eligible.get(j);
            Account a = accounts.get(i);
            long change = Math.round(a.arr() * (0.1 + 0.5 * rnd.nextDouble()) / 10) * 10;
            expansion[i] = new Outcome(i, "expansion", dateInWindow(a, ps, pe, rnd), change);
            taken++;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (churn[i] == null && expansion[i] == null && rnd.nextInt(100) < 5) {
        Account a = accounts.get(i);
        LocalDate from = a.start().isAfter(ps) ? a.start() : ps;
        LocalDate date = from.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(from, pe) + 1));
        contraction[i] = new Outcome(i, "contraction", date, -Math.round(a.arr() * (0.1 + 0.3 * rnd.nextDouble()) / 10) * 10);
      }
    }
    return new AccountBook(List.copyOf(accounts), exposed, churn, expansion, contraction, ps, pe);
  }

  /** A day at least 90 days after the account's first active day, within the period. */
  private static LocalDate dateInWindow(Account a, LocalDate ps, LocalDate pe, SplittableRandom rnd) {
    LocalDate from = (a.start().isAfter(ps) ? a.start() : ps).plusDays(WINDOW_DAYS);
    return from.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(from, pe) + 1));
  }

  /** True if the account exists long enough before the period's end for a 90-day window. */
  private static boolean roomFor(Account a, LocalDate ps, LocalDate pe) {
    LocalDate from = (a.start().isAfter(ps) ? a.start() : ps).plusDays(WINDOW_DAYS);
    return !from.isAfter(pe);
  }

  private static void shuffle(List<Integer> xs, SplittableRandom rnd) {
    for (int i = xs.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Integer t = xs.get(i);
      xs.set(i, xs.get(j));
      xs.set(j, t);
    }
  }

  static double gaussian(SplittableRandom rnd) {
    // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default,
    // and spelling it out keeps the sequence fixed across JDKs.
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }
}
