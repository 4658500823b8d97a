package dev.verbatim.app.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.ingest.Account;
import dev.verbatim.pipeline.ingest.AccountOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the accounts and outcomes a run validated into the workspace ({@code accounts/accounts.jsonl}
 * and {@code accounts/outcomes.jsonl}, written by the run's {@code --accounts}/{@code --outcomes});
 * empty lists when none were given.
 *
 * @param accounts the accounts
 * @param outcomes their outcomes
 */
public record WorkspaceAccounts(List<Account> accounts, List<AccountOutcome> outcomes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code dir} (the workspace's {@code accounts/} folder). */
  public static WorkspaceAccounts read(Path dir) throws IOException {
    List<Account> accounts = new ArrayList<>();
    List<AccountOutcome> outcomes = new ArrayList<>();
    for (JsonNode n : lines(dir.resolve("accounts.jsonl"))) {
      accounts.add(new Account(n.get("account_id").asText(), LocalDate.parse(n.get("start_date").asText()),
          text(n, "segment"), text(n, "plan"), n.hasNonNull("arr") ? n.get("arr").asDouble() : null));
    }
    for (JsonNode n : lines(dir.resolve("outcomes.jsonl"))) {
      AccountOutcome.Type type = AccountOutcome.Type.parse(n.get("type").asText())
          .orElseThrow(() -> new IOException("unknown outcome type in " + dir.resolve("outcomes.jsonl") + ": re-run with --outcomes"));
      outcomes.add(new AccountOutcome(n.get("account_id").asText(), type, LocalDate.parse(n.get("event_date").asText()),
          n.hasNonNull("arr_change") ? n.get("arr_change").asDouble() : null));
    }
    return new WorkspaceAccounts(List.copyOf(accounts), List.copyOf(outcomes));
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) return out;
    try (var lines = Files.lines(file)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (!line.isBlank()) out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
