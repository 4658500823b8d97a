package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates {@code accounts.csv} and {@code outcomes.csv} ({@code
 * shared/formats/accounts-outcomes.md}), streaming row by row. Thread-safe: the only state (the
 * account ids seen) lives in one read.
 *
 * <p>Columns are matched by name, case and punctuation ignored ({@code Account ID} = {@code
 * account_id}); extra columns are ignored. Dates are ISO ({@code 2026-03-02}; a date-time is cut to
 * its date). A bad row (blank id, bad date, unknown outcome type, ARR that is not a number or is
 * negative, an account id already given by an earlier valid row) is rejected with its reason and
 * goes to quarantine like feedback. A file that lacks a
 * required column gets every row rejected with {@link Reason#MISSING_FIELD} naming the missing and
 * found columns, so the run report shows it; nothing throws for bad data.
 */
public final class AccountsReader {
  private final int maxRowChars;

  /** A reader with the default 1 Mi-character row limit. */
  public AccountsReader() {
    this.maxRowChars = ReviewCsvReader.DEFAULT_MAX_ROW_CHARS;
  }

  /** Streams every row of an accounts file into {@code sink}, in file order. */
  public void readAccounts(SourceFile file, RowSink<Account> sink) throws IOException {
    CsvTable.read(
        file,
        maxRowChars,
        new Table<>(sink, "accounts", new String[] {"account_id", "start_date"}) {
          // account id -> line of its accepted row: one row per account, or the report counts it twice
          private final Map<String, Long> accepted = new HashMap<>();

          @Override
          Account map(long line, List<String> v) {
            String id = required(v, 0, "account_id");
            LocalDate start = date(required(v, 1, "start_date"), "start_date");
            int segment = column("segment");
            int plan = column("plan");
            int arr = column("arr");
            Account a = new Account(
                id, start, CsvTable.cell(v, segment), CsvTable.cell(v, plan), number(CsvTable.cell(v, arr), "arr", true));
            Long first = accepted.putIfAbsent(id, line);
            if (first != null) {
              throw new RecordProblem(
                  Reason.BAD_FIELD,
                  "account_id " + Times.quote(id) + " is repeated (first on line " + first
                      + "); keep one row per account");
            }
            return a;
          }
        });
  }

  /** Streams every row of an outcomes file into {@code sink}, in file order. */
  public void readOutcomes(SourceFile file, RowSink<AccountOutcome> sink) throws IOException {
    CsvTable.read(
        file,
        maxRowChars,
        new Table<>(sink, "outcomes", new String[] {"account_id", "type", "event_date"}) {
          @Override
          AccountOutcome map(long line, List<String> v) {
            String id = required(v, 0, "account_id");
            String typeText = required(v, 1, "type");
            AccountOutcome.Type type =
                AccountOutcome.Type.parse(typeText)
                    .orElseThrow(
                        () ->
                            new RecordProblem(
                                Reason.BAD_FIELD,
                                "type " + Times.quote(typeText) + " is not one of churn, expansion, contraction"));
            LocalDate when = date(required(v, 2, "event_date"), "event_date");
            Double change = number(CsvTable.cell(v, column("arrchange")), "arr_change", false);
            return new AccountOutcome(id, type, when, change);
          }
        });
  }

  /** Header handling and row validation shared by both files. */
  private abstract static class Table<T> implements CsvTable.Handler {
    private final RowSink<T> sink;
    private final String what;
    private final String[] required;
    private final int[] requiredIndex;
    private List<String> header = List.of();
    private @Nullable String headerProblem;

    Table(RowSink<T> sink, String what, String[] required) {
      this.sink = sink;
      this.what = what;
      this.required = required;
      this.requiredIndex = new int[required.length];
    }

    abstract T map(long line, List<String> values);

    @Override
    public void header(List<String> names) {
      header = names;
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < required.length; i++) {
        requiredIndex[i] = CsvTable.find(names, ColumnMapping.none(), "", CsvTable.normalize(required[i]));
        if (requiredIndex[i] < 0) missing.add(required[i]);
      }
      if (!missing.isEmpty()) {
        headerProblem =
            "the " + what + " file lacks required column(s) " + missing + "; columns found: " + names
                + "; see shared/formats/accounts-outcomes.md";
      }
    }

    int column(String normalized) {
      return CsvTable.find(header, ColumnMapping.none(), "", normalized);
    }

    String required(List<String> v, int which, String name) {
      String s = CsvTable.cell(v, requiredIndex[which]);
      if (s == null) throw new RecordProblem(Reason.MISSING_FIELD, "'" + name + "' is empty");
      return s;
    }

    @Override
    public void row(long line, List<String> values, RawRecord raw) {
      if (headerProblem != null) {
        sink.accept(raw, Outcome.reject(Reason.MISSING_FIELD, headerProblem));
        return;
      }
      sink.accept(raw, RecordProblem.attempt(raw.file(), line, () -> map(line, values)));
    }

    @Override
    public void reject(RawRecord raw, Reason reason, String detail) {
      sink.accept(raw, Outcome.reject(reason, detail));
    }
  }

  static LocalDate date(String s, String name) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      // maybe a date-time
    }
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      // maybe without zone
    }
    try {
      return LocalDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new RecordProblem(
          Reason.BAD_TIME, "'" + name + "' " + Times.quote(s) + " is not an ISO date, e.g. 2026-03-02");
    }
  }

  static @Nullable Double number(@Nullable String s, String name, boolean nonNegative) {
    if (s == null) return null;
    String t = s.replace(",", "").replace("_", "");
    if (!JsonlFeedbackReader.isNumber(t) && !(t.startsWith("+") && JsonlFeedbackReader.isNumber(t.substring(1)))) {
      throw new RecordProblem(Reason.BAD_FIELD, "'" + name + "' " + Times.quote(s) + " is not a number, e.g. 12000.50");
    }
    double d = Double.parseDouble(t);
    if (nonNegative && d < 0) {
      throw new RecordProblem(Reason.BAD_FIELD, "'" + name + "' " + Times.quote(s) + " is negative");
    }
    return d;
  }
}
