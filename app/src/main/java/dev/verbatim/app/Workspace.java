package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a run writes into and every command reads from (default {@code ./verbatim-data}).
 *
 * <pre>
 * index/                      Lucene index
 * topics/                     topic model snapshots and the taxonomy
 * accounts/                   validated accounts.jsonl and outcomes.jsonl of the last run given them
 * validation.db               review queue and labels (SQLite)
 * runs/&lt;run-id&gt;.json          run report
 * quarantine/&lt;run-id&gt;.jsonl   rejected records with their reasons
 * secrets/pseudonym.key       the key of id pseudonyms (owner-only; deleting it means new pseudonyms)
 * </pre>
 *
 * @param root the workspace folder
 */
public record Workspace(Path root) {
  /** The default workspace folder, relative to the working directory. */
  public static final String DEFAULT = "verbatim-data";

  public Workspace {
    requireNonNull(root, "root");
  }

  /** The Lucene index folder. */
  public Path index() {
    return root.resolve("index");
  }

  /** Run reports. */
  public Path runs() {
    return root.resolve("runs");
  }

  /** One run's report file. */
  public Path runReport(String runId) {
    return runs().resolve(runId + ".json");
  }

  /** One run's quarantine file. */
  public Path quarantine(String runId) {
    return root.resolve("quarantine").resolve(runId + ".jsonl");
  }

  /** Topic model snapshots and taxonomy. */
  public Path topics() {
    return root.resolve("topics");
  }

  /** Reports: {@code friction.html} and {@code friction.json}, which the web UI serves. */
  public Path reports() {
    return root.resolve("reports");
  }

  /** Validated accounts and outcomes. */
  public Path accounts() {
    return root.resolve("accounts");
  }

  /**
   * The key of the pseudonyms that replace ids holding personal data ({@code
   * dev.verbatim.pipeline.redact.IdPseudonyms}); created on first use.
   */
  public Path pseudonymKey() {
    return root.resolve("secrets").resolve("pseudonym.key");
  }

  /** The review queue database. */
  public Path validationDb() {
    return root.resolve("validation.db");
  }

  /** Creates the folders a run writes into. */
  public void create() throws IOException {
    Files.createDirectories(runs());
    Files.createDirectories(root.resolve("quarantine"));
    Files.createDirectories(index());
  }
}
