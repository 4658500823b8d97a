package dev.verbatim.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsReaderTest {
  private final AccountsReader reader = new AccountsReader();

  @Test
  void readsAndValidatesAccounts() throws IOException {
    Collected<Account> c = new Collected<>();
    reader.readAccounts(SourceFile.of(Collected.fixture("accounts.csv")), c);
    c.assertCounts(2, 3);
    assertEquals(new Account("acme", LocalDate.of(2025, 1, 15), "enterprise", "pro", 120000.0), c.ok().get(0));
    assertNull(c.ok().get(1).arr());
    assertEquals(Reason.BAD_TIME, c.rejectedAt(4).reason());
    assertTrue(c.rejectedAt(4).detail().contains("2025-13-01"));
    assertEquals(Reason.MISSING_FIELD, c.rejectedAt(5).reason());
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(6).reason());
  }

  /**
   * An account listed twice used to be kept twice: the friction report counted it twice in its
   * population (in two segments if they differed) while the index took the last row's segment.
   */
  @Test
  void repeatedAccountIdIsRejectedNamingTheFirstLine(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("accounts.csv");
    Files.writeString(csv, """
        account_id,start_date,segment
        bad,2025-13-01,smb
        acme,2025-01-15,enterprise
        bad,2025-01-01,smb
        acme,2025-01-15,smb
        """);
    Collected<Account> c = new Collected<>();
    reader.readAccounts(SourceFile.of(csv), c);
    c.assertCounts(2, 2);
    assertEquals("enterprise", c.ok().get(0).segment());
    assertEquals("bad", c.ok().get(1).accountId()); // its first row was invalid: this one counts
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(5).reason());
    assertTrue(c.rejectedAt(5).detail().contains("'acme' is repeated (first on line 3)"), c.rejectedAt(5).detail());
  }

  @Test
  void readsAndValidatesOutcomes() throws IOException {
    Collected<AccountOutcome> c = new Collected<>();
    reader.readOutcomes(SourceFile.of(Collected.fixture("outcomes.csv")), c);
    c.assertCounts(2, 2);
    assertEquals(
        new AccountOutcome("globex", AccountOutcome.Type.CHURN, LocalDate.of(2026, 5, 10), -12000.0),
        c.ok().get(1));
    assertEquals(AccountOutcome.Type.EXPANSION, c.ok().get(0).type());
    assertEquals(Reason.BAD_FIELD, c.rejectedAt(4).reason());
    assertTrue(c.rejectedAt(4).detail().contains("downgrade"));
    assertEquals(Reason.BAD_TIME, c.rejectedAt(5).reason());
  }

  @Test
  void missingRequiredColumnRejectsEveryRowNamingIt() throws IOException {
    Collected<AccountOutcome> c = new Collected<>();
    reader.readOutcomes(SourceFile.of(Collected.fixture("outcomes-missing-column.csv")), c);
    c.assertCounts(0, 1);
    var r = c.rejectedAt(2);
    assertEquals(Reason.MISSING_FIELD, r.reason());
    assertTrue(r.detail().contains("[account_id, event_date]"), r.detail());
  }
}
