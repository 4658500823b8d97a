package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code outcomes.csv} ({@code shared/formats/accounts-outcomes.md}): something that
 * happened to an account's revenue. An account with no churn row is retained.
 *
 * @param accountId the account; not blank
 * @param type churn, expansion or contraction
 * @param eventDate the day it happened
 * @param arrChange the signed change of ARR (churn: minus the lost ARR), if known
 */
public record AccountOutcome(
    String accountId, Type type, LocalDate eventDate, @Nullable Double arrChange) {
  public AccountOutcome {
    requireNonNull(accountId, "accountId");
    requireNonNull(type, "type");
    requireNonNull(eventDate, "eventDate");
    if (accountId.isBlank()) throw new IllegalArgumentException("accountId is blank");
  }

  /** What happened to the account. */
  public enum Type {
    /** The account left. */
    CHURN,
    /** The account grew (upsell, more seats). */
    EXPANSION,
    /** The account shrank but stayed. */
    CONTRACTION;

    /** Returns the wire name, e.g. {@code "churn"}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; empty if it names no type. */
    public static Optional<Type> parse(String wire) {
      for (Type t : values()) {
        if (t.wireName().equalsIgnoreCase(wire.strip())) return Optional.of(t);
      }
      return Optional.empty();
    }
  }
}
