package dev.verbatim.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Rejection;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import dev.verbatim.pipeline.ingest.AccountsReader;
import dev.verbatim.pipeline.ingest.SourceFile;
import dev.verbatim.pipeline.run.QuarantineWriter;
import dev.verbatim.pipeline.run.StageReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Validates accounts.csv and outcomes.csv beside the feedback flow: valid rows are kept in the
 * workspace as {@code accounts/accounts.jsonl} and {@code accounts/outcomes.jsonl} (the trends
 * stage reads them), bad rows go to the run's quarantine, and each file is counted like a stage.
 * Account ids are kept as the run's redactor masks them ({@code PiiRedactor#maskId}): an id that
 * holds personal data becomes the same pseudonym as in the feedback records, so the join holds.
 */
final class AccountFiles {
  private AccountFiles() {}

  /**
   * Validates {@code csv} into {@code dir/accounts.jsonl}.
   *
   * @param maskId the account id as it may be stored (the run's {@code PiiRedactor::maskId})
   */
  static StageReport accounts(Path csv, Path dir, QuarantineWriter quarantine, UnaryOperator<String> maskId)
      throws IOException {
    return copy("accounts", csv, dir.resolve("accounts.jsonl"), quarantine, (reader, file, sink) ->
        reader.readAccounts(file, (raw, outcome) ->
            sink.accept(raw, outcome, (out, a) -> writeAccount(out, a, maskId))));
  }

  /** Validates {@code csv} into {@code dir/outcomes.jsonl}; {@code maskId} as for {@link #accounts}. */
  static StageReport outcomes(Path csv, Path dir, QuarantineWriter quarantine, UnaryOperator<String> maskId)
      throws IOException {
    return copy("outcomes", csv, dir.resolve("outcomes.jsonl"), quarantine, (reader, file, sink) ->
        reader.readOutcomes(file, (raw, outcome) ->
            sink.accept(raw, outcome, (out, o) -> writeOutcome(out, o, maskId))));
  }

  private interface Read {
    void read(AccountsReader reader, SourceFile file, Counting sink) throws IOException;
  }

  private interface RowWriter<T> {
    void write(JsonGenerator out, T row) throws IOException;
  }

  /** Counts rows, writes the valid ones and quarantines the rest. */
  private static final class Counting {
    final String name;
    final JsonGenerator out;
    final QuarantineWriter quarantine;
    long in;
    long ok;
    final Map<Reason, Long> rejected = new EnumMap<>(Reason.class);

    Counting(String name, JsonGenerator out, QuarantineWriter quarantine) {
      this.name = name;
      this.out = out;
      this.quarantine = quarantine;
    }

    <T> void accept(RawRecord raw, Outcome<T> outcome, RowWriter<T> writer) {
      in++;
      switch (outcome) {
        case Outcome.Ok<T> row -> {
          try {
            writer.write(out, row.value());
            out.writeRaw('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          ok++;
        }
        case Outcome.Rejected<T> r -> {
          rejected.merge(r.reason(), 1L, Long::sum);
          quarantine.write(new Rejection(name, r.reason(), r.detail(), null, raw));
        }
      }
    }
  }

  private static StageReport copy(String name, Path csv, Path target, QuarantineWriter quarantine, Read read)
      throws IOException {
    if (!Files.isReadable(csv)) throw new IOException("cannot read --" + name + " file " + csv);
    Files.createDirectories(target.getParent());
    long t0 = System.nanoTime();
    Counting counting;
    try (JsonGenerator out =
        PipelineRun.REPORT_JSON.getFactory().createGenerator(Files.newOutputStream(target), JsonEncoding.UTF8)) {
      out.setPrettyPrinter(null);
      out.setRootValueSeparator(null);
      counting = new Counting(name, out, quarantine);
      read.read(new AccountsReader(), SourceFile.of(csv), counting);
    }
    Map<String, Long> reasons = new TreeMap<>();
    counting.rejected.forEach((r, n) -> reasons.put(r.name(), n));
    long rejected = counting.rejected.values().stream().mapToLong(Long::longValue).sum();
    return new StageReport(name, counting.in, counting.ok, rejected, (System.nanoTime() - t0) / 1e9, reasons);
  }

  /**
   * Segment and plan by account id, from the workspace's accounts.jsonl (this run's or an earlier
   * run's); empty if no accounts were ever given.
   */
  static Map<String, IndexStage.AccountFacts> facts(Path dir) throws IOException {
    Path file = dir.resolve("accounts.jsonl");
    Map<String, IndexStage.AccountFacts> facts = new java.util.HashMap<>();
    if (!Files.exists(file)) return facts;
    try (var lines = Files.lines(file)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isBlank()) continue;
        var node = PipelineRun.REPORT_JSON.readTree(line);
        facts.put(
            node.get("account_id").asText(),
            new IndexStage.AccountFacts(
                node.hasNonNull("segment") ? node.get("segment").asText() : null,
                node.hasNonNull("plan") ? node.get("plan").asText() : null));
      }
    }
    return facts;
  }

  private static void writeAccount(JsonGenerator out, Account a, UnaryOperator<String> maskId) throws IOException {
    out.writeStartObject();
    out.writeStringField("account_id", maskId.apply(a.accountId()));
    out.writeStringField("start_date", a.startDate().toString());
    if (a.segment() != null) out.writeStringField("segment", a.segment());
    if (a.plan() != null) out.writeStringField("plan", a.plan());
    if (a.arr() != null) out.writeNumberField("arr", a.arr());
    out.writeEndObject();
  }

  private static void writeOutcome(JsonGenerator out, AccountOutcome o, UnaryOperator<String> maskId)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("account_id", maskId.apply(o.accountId()));
    out.writeStringField("type", o.type().wireName());
    out.writeStringField("event_date", o.eventDate().toString());
    if (o.arrChange() != null) out.writeNumberField("arr_change", o.arrChange());
    out.writeEndObject();
  }
}
