package dev.verbatim.app.demo;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Computes the {@link PlantedTruth} from the planned corpus: realised counts, not intentions. */
final class Truth {
  private Truth() {}

  static PlantedTruth compute(
      DemoSettings settings, AccountBook book, List<Planner.Item> items, long[] signaturePii) {
    boolean on = settings.plantedEffects();
    long valid = 0;
    long scoreOnly = 0;
    long duplicates = 0;
    SortedMap<String, Long> pii = new TreeMap<>();
    for (Pii.Kind k : Pii.Kind.values()) pii.put(k.wire, 0L);
    SortedMap<String, SortedMap<String, Long>> malformed = new TreeMap<>();
    for (String[] m : Planner.MALFORMED) malformed.computeIfAbsent(m[0], f -> new TreeMap<>()).put(m[1], 0L);
    SortedMap<String, SortedMap<String, Long>> monthly = new TreeMap<>();
    List<String> months = new ArrayList<>();
    for (YearMonth ym = YearMonth.from(settings.start()); !ym.isAfter(YearMonth.from(settings.end())); ym = ym.plusMonths(1)) {
      months.add(ym.toString());
    }
    for (Theme t : Themes.get().all()) {
      SortedMap<String, Long> m = new TreeMap<>();
      for (String ym : months) m.put(ym, 0L);
      monthly.put(t.id(), m);
    }
    long[] textRecords = new long[2];
    long[] billingRecords = new long[2];
    for (Planner.Item it : items) {
      if (it.malformed != null) {
        malformed.get(it.ch.file).merge(it.malformed, 1L, Long::sum);
        continue;
      }
      valid++;
      if (it.scoreOnly) scoreOnly++;
      if (it.duplicateOf != null) {
        duplicates++;
        continue; // a resubmission repeats its original: counted once, as the product should
      }
      for (Pii.Item p : it.pii) pii.merge(p.kind().wire, 1L, Long::sum);
      String ym = YearMonth.from(it.time.atZone(ZoneOffset.UTC)).toString();
      if (!it.segs.isEmpty()) {
        boolean after = !it.time.isBefore(settings.growthStart().atStartOfDay(ZoneOffset.UTC).toInstant());
        boolean raises = it.segs.stream().anyMatch(sg -> sg.theme().id().equals(Themes.BILLING_DOUBLE_CHARGE));
        textRecords[after ? 1 : 0]++;
        if (raises) billingRecords[after ? 1 : 0]++;
      }
      for (Voice.Segment s : it.segs) monthly.get(s.theme().id()).merge(ym, 1L, Long::sum);
    }
    pii.put("total", pii.values().stream().mapToLong(Long::longValue).sum());
    SortedMap<String, Long> sig = new TreeMap<>();
    sig.put(Pii.Kind.PERSON_NAME.wire, signaturePii[Pii.Kind.PERSON_NAME.ordinal()]);
    sig.put(Pii.Kind.PHONE.wire, signaturePii[Pii.Kind.PHONE.ordinal()]);

    String growthMonth = YearMonth.from(settings.growthStart()).toString();
    double before = 0;
    double after = 0;
    int nb = 0;
    int na = 0;
    for (var e : monthly.get(Themes.BILLING_DOUBLE_CHARGE).entrySet()) {
      if (e.getKey().compareTo(growthMonth) < 0) {
        before += e.getValue();
        nb++;
      } else {
        after += e.getValue();
        na++;
      }
    }
    var growth = new PlantedTruth.Growth(Themes.BILLING_DOUBLE_CHARGE, settings.growthStart(),
        Planner.growthMultiplier(on), round(before / Math.max(1, nb)), round(after / Math.max(1, na)),
        round((double) billingRecords[0] / Math.max(1, textRecords[0])),
        round((double) billingRecords[1] / Math.max(1, textRecords[1])));

    boolean[] churned = new boolean[book.accounts.size()];
    boolean[] expanded = new boolean[book.accounts.size()];
    for (int i = 0; i < churned.length; i++) {
      churned[i] = book.churn[i] != null;
      expanded[i] = book.expansion[i] != null;
    }
    List<PlantedTruth.OutcomeLink> links = List.of(
        link(book, Themes.BANK_SYNC, "churn", on ? AccountBook.CHURN_RR : 1.0, churned),
        link(book, Themes.REPORTING, "expansion", on ? AccountBook.EXPANSION_RR : 1.0, expanded));
    SortedMap<String, Double> share = new TreeMap<>();
    boolean[] sso = book.exposed.get(Themes.SSO_ADMIN);
    for (int s = 0; s < AccountBook.SEGMENTS.length; s++) {
      int n = 0;
      int k = 0;
      for (AccountBook.Account a : book.accounts) {
        if (a.segment() != s) continue;
        n++;
        if (sso[a.index()]) k++;
      }
      share.put(AccountBook.SEGMENTS[s], round((double) k / Math.max(1, n)));
    }
    var confounder = new PlantedTruth.Confounder(Themes.SSO_ADMIN, share,
        link(book, Themes.SSO_ADMIN, "churn", 1.0, churned), link(book, Themes.SSO_ADMIN, "expansion", 1.0, expanded));
    return new PlantedTruth(on, settings.start(), settings.end(), items.size(), valid, scoreOnly, duplicates, growth, links,
        confounder, pii, sig, malformed, monthly);
  }

  private static PlantedTruth.OutcomeLink link(
      AccountBook book, String theme, String outcome, double planted, boolean[] has) {
    boolean[] exp = book.exposed.get(theme);
    List<PlantedTruth.Stratum> strata = new ArrayList<>();
    double num = 0;
    double den = 0;
    int a1 = 0;
    int n1 = 0;
    int c0 = 0;
    int n0 = 0;
    for (int s = 0; s < AccountBook.SEGMENTS.length; s++) {
      int e = 0;
      int eo = 0;
      int u = 0;
      int uo = 0;
      for (AccountBook.Account acc : book.accounts) {
        if (acc.segment() != s) continue;
        int i = acc.index();
        if (exp[i]) {
          e++;
          if (has[i]) eo++;
        } else {
          u++;
          if (has[i]) uo++;
        }
      }
      strata.add(new PlantedTruth.Stratum(AccountBook.SEGMENTS[s], e, eo, u, uo));
      double total = e + u;
      if (total > 0) {
        num += (double) eo * u / total;
        den += (double) uo * e / total;
      }
      a1 += eo;
      n1 += e;
      c0 += uo;
      n0 += u;
    }
    double mh = den == 0 ? Double.NaN : num / den;
    double crude = (n1 == 0 || n0 == 0 || c0 == 0) ? Double.NaN : ((double) a1 / n1) / ((double) c0 / n0);
    return new PlantedTruth.OutcomeLink(theme, outcome, AccountBook.WINDOW_DAYS, planted, strata, round(mh), round(crude));
  }

  static double round(double x) {
    return Double.isNaN(x) ? x : Math.round(x * 10_000) / 10_000.0;
  }
}
