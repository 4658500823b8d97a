package dev.verbatim.trends;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import dev.verbatim.trends.stats.BenjaminiHochberg;
import dev.verbatim.trends.stats.Interval;
import dev.verbatim.trends.stats.RelativeRisk;
import dev.verbatim.trends.stats.TwoByTwo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Associates topics with churn and expansion (see {@code shared/formats/accounts-outcomes.md}).
 *
 * <p>The population is every account of {@code accounts} that started by the end of the period and
 * had not churned before it began. Each account has a reference day: the day of its first outcome
 * of the kind within the period, else the end of the period (for expansion, an account that churned
 * without expanding is referenced at its churn). It is exposed to a topic if it raised the topic
 * (or, for the negative variant, raised it in negative sentences) on a day in {@code [reference −
 * window, reference]}. Per topic and variant the accounts form one 2x2 table per segment; see
 * {@link RelativeRisk} for the estimators and tests and {@link BenjaminiHochberg} for the q-values,
 * which run over every testable (topic, variant) of one outcome.
 *
 * <p>Cost: accounts × topics × 4 look-ups; pure function, thread-safe.
 */
public final class OutcomeAssociation {
  private final TrendSettings settings;

  /** An association with {@code settings}' window. */
  public OutcomeAssociation(TrendSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** Churn and expansion associations of every topic of {@code table}, both variants, q-values set. */
  public List<Association> compute(
      FactTable table, List<Account> accounts, List<AccountOutcome> outcomes, LocalDate from, LocalDate to) {
    List<Member> members = members(table, accounts, outcomes, from, to);
    List<Association> out = new ArrayList<>();
    for (String outcome : List.of("churn", "expansion")) {
      List<Association> family = new ArrayList<>();
      for (String topic : table.topics()) {
        for (boolean negative : new boolean[] {false, true}) {
          family.add(associate(table, members, topic, negative, outcome.equals("churn"), from, to));
        }
      }
      double[] q = BenjaminiHochberg.adjust(family.stream().mapToDouble(Association::pValue).toArray());
      for (int i = 0; i < family.size(); i++) out.add(family.get(i).withQ(q[i]));
    }
    return out;
  }

  /**
   * The accounts the association compares: started by {@code to} and not churned before {@code
   * from}.
   */
  public static long population(List<Account> accounts, List<AccountOutcome> outcomes, LocalDate from, LocalDate to) {
    return members(null, accounts, outcomes, from, to).size();
  }

  private static List<Member> members(
      @Nullable FactTable table, List<Account> accounts, List<AccountOutcome> outcomes, LocalDate from, LocalDate to) {
    Map<String, AccountOutcome> churns = new HashMap<>();
    Map<String, AccountOutcome> expansions = new HashMap<>();
    for (AccountOutcome o : outcomes) {
      if (o.type() == AccountOutcome.Type.CHURN) {
        churns.merge(o.accountId(), o, OutcomeAssociation::earlier);
      } else if (o.type() == AccountOutcome.Type.EXPANSION && !o.eventDate().isBefore(from) && !o.eventDate().isAfter(to)) {
        expansions.merge(o.accountId(), o, OutcomeAssociation::earlier);
      }
    }
    List<Member> members = new ArrayList<>();
    for (Account a : accounts) {
      if (a.startDate().isAfter(to)) continue;
      AccountOutcome co = churns.get(a.accountId());
      LocalDate c = co == null ? null : co.eventDate();
      if (c != null && c.isBefore(from)) continue;
      boolean churned = c != null && !c.isAfter(to);
      AccountOutcome eo = expansions.get(a.accountId());
      LocalDate e = eo == null ? null : eo.eventDate();
      if (e != null && churned && e.isAfter(c)) e = null;
      String seg = a.segment() == null ? "unknown" : a.segment();
      double arr = a.arr() == null ? 0 : a.arr();
      members.add(new Member(table == null ? -1 : table.accountIndex(a.accountId()), seg, arr,
          churned, churned ? c.toEpochDay() : to.toEpochDay(),
          churned ? (co.arrChange() == null ? arr : Math.abs(co.arrChange())) : 0,
          e != null, e != null ? e.toEpochDay() : churned ? c.toEpochDay() : to.toEpochDay(),
          e != null && eo.arrChange() != null ? Math.abs(eo.arrChange()) : 0));
    }
    return members;
  }

  private static AccountOutcome earlier(AccountOutcome x, AccountOutcome y) {
    return y.eventDate().isBefore(x.eventDate()) ? y : x;
  }

  private record Member(int index, String segment, double arr, boolean churned, long churnRef, double churnChange,
      boolean expanded, long expansionRef, double expansionChange) {}

  private Association associate(
      FactTable table, List<Member> members, String topic, boolean negative, boolean churn, LocalDate from, LocalDate to) {
    int ti = table.topicIndex(topic);
    Map<String, long[]> cells = new TreeMap<>();
    double arr = 0, atRisk = 0, change = 0;
    for (Member m : members) {
      long ref = churn ? m.churnRef : m.expansionRef;
      boolean event = churn ? m.churned : m.expanded;
      FactTable.Days days = table.raised(m.index, ti, negative);
      boolean exposed = days != null && days.any((int) (ref - settings.windowDays()), (int) ref);
      long[] cell = cells.computeIfAbsent(m.segment, s -> new long[4]);
      cell[(exposed ? 0 : 2) + (event ? 0 : 1)]++;
      if (exposed) {
        arr += m.arr;
        if (!event) atRisk += m.arr;
        if (event) change += churn ? m.churnChange : m.expansionChange;
      }
    }
    List<TwoByTwo> tables = new ArrayList<>();
    List<Association.Stratum> strata = new ArrayList<>();
    TwoByTwo all = new TwoByTwo(0, 0, 0, 0);
    for (Map.Entry<String, long[]> e : cells.entrySet()) {
      long[] c = e.getValue();
      TwoByTwo t = new TwoByTwo(c[0], c[1], c[2], c[3]);
      tables.add(t);
      strata.add(new Association.Stratum(e.getKey(), c[0], c[1], c[2], c[3]));
      all = all.plus(t);
    }
    Interval mh = RelativeRisk.mantelHaenszel(tables);
    Interval crude = RelativeRisk.crude(all);
    String query =
        Queries.and(Queries.topic(topic, negative ? "negative" : null),
            Queries.days(from.minusDays(settings.windowDays()), to));
    return new Association(topic, negative, churn ? "churn" : "expansion", all.exposed(), all.a(), all.unexposed(), all.c(),
        all.exposedRate(), all.unexposedRate(), mh.estimate(), mh.low(), mh.high(), mh.pValue(), Double.NaN,
        crude.estimate(), crude.pValue(), strata, arr, churn ? atRisk : null, change, query);
  }
}
