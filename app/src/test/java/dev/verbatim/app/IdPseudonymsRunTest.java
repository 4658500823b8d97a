package dev.verbatim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.RecordFacts;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.pipeline.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A survey export keyed by respondent e-mail, on an account whose id is an e-mail too: the ids are
 * indexed as keyed pseudonyms, the record still joins its account's segment, and the same input run
 * twice updates the one record.
 */
class IdPseudonymsRunTest {
  @TempDir Path dir;

  private static final String RESPONDENT = "dana.whitfield@example.com";
  private static final String ACCOUNT = "acct+bob@example.com";

  @Test
  void emailIdsArePseudonymisedConsistentlySoTheJoinAndUpdatesHold() throws Exception {
    Path input = dir.resolve("survey.jsonl");
    Files.writeString(input, "{\"id\":\"" + RESPONDENT + "\",\"source\":\"survey\",\"channel\":\"survey\","
        + "\"event_time\":\"2026-03-02T10:00:00Z\",\"account_id\":\"" + ACCOUNT + "\",\"customer_id\":\""
        + RESPONDENT + "\",\"text\":\"The bank sync fails every morning and the export is slow.\"}\n");
    Path accounts = dir.resolve("accounts.csv");
    Files.writeString(accounts, "account_id,start_date,segment,plan\n" + ACCOUNT + ",2025-01-01,enterprise,pro\n");
    Path outcomes = dir.resolve("outcomes.csv");
    Files.writeString(outcomes, "account_id,type,event_date\n" + ACCOUNT + ",churn,2026-04-01\n");
    Workspace ws = new Workspace(dir.resolve("ws"));

    run(ws, input, accounts, outcomes);
    run(ws, input, accounts, outcomes); // same key, same pseudonyms: an update, not a copy

    List<RecordFacts> all = new ArrayList<>();
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      assertEquals(1, s.count(), "re-ingesting the record updated it");
      s.scan(SearchRequest.of("", 10), true, all::add);
    }
    assertEquals(1, all.size());
    RecordFacts r = all.get(0);
    assertTrue(r.key().matches("survey/email-[0-9a-f]{16}"), r.key());
    assertTrue(r.account() != null && r.account().matches("email-[0-9a-f]{16}"), r.account());
    assertEquals("enterprise", r.segment(), "the record joined its account");
    assertEquals("pro", r.plan());

    for (String stored : storedValues(ws.index())) {
      assertFalse(stored.contains("@example.com"), "a raw e-mail in the index: " + stored);
    }
    String accountsJsonl = Files.readString(ws.accounts().resolve("accounts.jsonl"));
    String outcomesJsonl = Files.readString(ws.accounts().resolve("outcomes.jsonl"));
    assertFalse(accountsJsonl.contains("@"), accountsJsonl);
    assertTrue(accountsJsonl.contains("\"" + r.account() + "\""), accountsJsonl);
    assertTrue(outcomesJsonl.contains("\"" + r.account() + "\""), "outcomes map like accounts: " + outcomesJsonl);
    assertTrue(Files.size(ws.pseudonymKey()) == 32, "the workspace keeps its key");
  }

  private static void run(Workspace ws, Path input, Path accounts, Path outcomes) throws Exception {
    PipelineRun.execute(ws,
        new PipelineRun.Options(List.of(input), null, null, accounts, outcomes, 1, 1_000, false)
            .withTopics(PipelineRun.TopicOptions.off()),
        ProgressListener.NONE);
  }

  /** Every stored field value of every live document. */
  private static List<String> storedValues(Path index) throws Exception {
    List<String> out = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) continue;
          Document doc = leaf.reader().storedFields().document(i);
          for (IndexableField f : doc.getFields()) {
            if (f.stringValue() != null) out.add(f.name() + "=" + f.stringValue());
            else if (f.binaryValue() != null) out.add(f.name() + "=" + f.binaryValue().utf8ToString());
          }
        }
      }
    }
    assertFalse(out.isEmpty(), "the index stores fields");
    return out;
  }
}
