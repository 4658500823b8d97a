package dev.verbatim.app.demo;

import java.time.LocalDate;

/**
 * What the demo corpus generator makes: seed, size, period and whether the known effects are
 * planted. Same settings give byte-identical files.
 *
 * @param seed random seed; every choice derives from it
 * @param records feedback records over the four channels (tickets, chats, reviews, survey), at
 *     least 1,000
 * @param months length of the observed period in months, at least 6
 * @param start first day of the period; the growth effect starts in month 7
 * @param accounts customer accounts, at least 50
 * @param plantedEffects true to plant the growth, churn, expansion and confounder effects; false
 *     for a null corpus (same shapes, PII and malformed rows, no association) for false-discovery
 *     tests
 */
public record DemoSettings(
    long seed, int records, int months, LocalDate start, int accounts, boolean plantedEffects) {

  public DemoSettings {
    if (records < 1000) throw new IllegalArgumentException("records must be >= 1000, got " + records);
    if (months < 6) throw new IllegalArgumentException("months must be >= 6, got " + months);
    if (accounts < 50) throw new IllegalArgumentException("accounts must be >= 50, got " + accounts);
    java.util.Objects.requireNonNull(start, "start");
  }

  /** Seed 42, 21,000 records over 12 months from 2025-12-01, 400 accounts, effects planted. */
  public static DemoSettings defaults() {
    return new DemoSettings(42, 21_000, 12, LocalDate.of(2025, 12, 1), 400, true);
  }

  /** Returns a copy with another seed. */
  public DemoSettings withSeed(long s) {
    return new DemoSettings(s, records, months, start, accounts, plantedEffects);
  }

  /** Returns a copy with another record count. */
  public DemoSettings withRecords(int n) {
    return new DemoSettings(seed, n, months, start, accounts, plantedEffects);
  }

  /** Returns a copy with another account count. */
  public DemoSettings withAccounts(int n) {
    return new DemoSettings(seed, records, months, start, n, plantedEffects);
  }

  /** Returns a copy with another planted-effects flag. */
  public DemoSettings withPlantedEffects(boolean on) {
    return new DemoSettings(seed, records, months, start, accounts, on);
  }

  /** Last day of the observed period, inclusive. */
  public LocalDate end() {
    return start.plusMonths(months).minusDays(1);
  }

  /** First day of the growth effect: the first day of month 7. */
  public LocalDate growthStart() {
    return start.plusMonths(6);
  }
}
