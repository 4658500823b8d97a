package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code accounts.csv} ({@code shared/formats/accounts-outcomes.md}): a customer account
 * that feedback joins through {@code account_id}.
 *
 * @param accountId matches {@code account_id} in feedback; not blank
 * @param startDate the day the account became a customer
 * @param segment e.g. {@code smb}, {@code mid-market}, {@code enterprise}; used to stratify
 * @param plan e.g. {@code basic}, {@code pro}
 * @param arr annual recurring revenue in one currency, not negative
 */
public record Account(
    String accountId,
    LocalDate startDate,
    @Nullable String segment,
    @Nullable String plan,
    @Nullable Double arr) {
  public Account {
    requireNonNull(accountId, "accountId");
    requireNonNull(startDate, "startDate");
    if (accountId.isBlank()) throw new IllegalArgumentException("accountId is blank");
    if (arr != null && (arr < 0 || arr.isNaN() || arr.isInfinite())) {
      throw new IllegalArgumentException("arr must be a finite number >= 0: " + arr);
    }
  }
}
