package dev.verbatim.validation.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sample.Stratum;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue written by schema v1 (no turns) opens, migrates to v2 and keeps its items and labels. */
class MigrationTest {
  @TempDir Path dir;

  @Test
  void version1DatabaseMigratesAndKeepsItsLabels() throws Exception {
    Path db = dir.resolve("validation.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      for (String sql : new String[] {
          "CREATE TABLE schema_version(version INTEGER NOT NULL, applied_at TEXT NOT NULL)",
          "CREATE TABLE samples(id INTEGER PRIMARY KEY, strategy TEXT NOT NULL, seed INTEGER NOT NULL,"
              + " n INTEGER NOT NULL, overlap_share REAL NOT NULL, population_size INTEGER NOT NULL,"
              + " params TEXT NOT NULL, created TEXT NOT NULL)",
          "CREATE TABLE strata(sample_id INTEGER NOT NULL REFERENCES samples(id), key TEXT NOT NULL,"
              + " population_count INTEGER NOT NULL, sample_count INTEGER NOT NULL, PRIMARY KEY(sample_id, key))",
          "CREATE TABLE items(id INTEGER PRIMARY KEY, sample_id INTEGER NOT NULL REFERENCES samples(id),"
              + " position INTEGER NOT NULL, record_id TEXT NOT NULL, text TEXT NOT NULL, channel TEXT NOT NULL,"
              + " predicted TEXT NOT NULL, score REAL NOT NULL, confidence REAL NOT NULL, topics TEXT NOT NULL,"
              + " second_opinion TEXT, seeded_theme TEXT, stratum TEXT NOT NULL, weight REAL NOT NULL,"
              + " required INTEGER NOT NULL, UNIQUE(sample_id, record_id))",
          "CREATE TABLE assignments(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),"
              + " reviewer TEXT NOT NULL, leased_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
              + " state TEXT NOT NULL CHECK (state IN ('active', 'done', 'skipped', 'released')))",
          "CREATE TABLE labels(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),"
              + " reviewer TEXT NOT NULL, label_schema INTEGER NOT NULL, sentiment TEXT, topic_verdicts TEXT NOT NULL,"
              + " corrected_topic TEXT, pii_unmasked INTEGER NOT NULL, flagged INTEGER NOT NULL, note TEXT NOT NULL,"
              + " created INTEGER NOT NULL, undone_at INTEGER)",
          "INSERT INTO schema_version VALUES (1, '2026-11-01T00:00:00Z')",
          "INSERT INTO samples VALUES (1, 'stratified', 1, 1, 0, 10, '{}', '2026-11-01T00:00:00Z')",
          "INSERT INTO strata VALUES (1, 'review|negative|none', 10, 1)",
          "INSERT INTO items VALUES (1, 1, 0, 'r1', 'late again', 'review', 'negative', -0.5, 0.8, '[]', NULL, NULL,"
              + " 'review|negative|none', 10, 1)",
          "INSERT INTO labels VALUES (1, 1, 'ann', 1, 'negative', '{}', NULL, 0, 0, '', 1, NULL)",
          "PRAGMA user_version=1"}) {
        st.execute(sql);
      }
    }
    try (ReviewQueue q = ReviewQueue.open(db)) {
      assertEquals(2, q.schemaVersion());
      List<LabeledItem> items = q.labeled(1);
      assertEquals(1, items.size());
      assertEquals("late again", items.get(0).item().text());
      assertTrue(items.get(0).item().turns().isEmpty());
      assertEquals(SentimentLabel.NEGATIVE, items.get(0).labels().get(0).sentiment());

      // a v2 sample stores its conversation turns
      PopulationRecord chat = new PopulationRecord("c1", "refund please", "chat", SentimentLabel.NEUTRAL, 0, 0.5,
          List.of(), null, null, List.of(new Turn("customer", "refund please"), new Turn("agent", "done <b>")));
      long s = q.addSample(new Sample(SamplePlan.of(Strategy.UNCERTAINTY, 1, 1), 1,
          List.of(new Stratum("all", 1, 1)), List.of(new SampledItem(chat, "all", 1, false))));
      assertEquals(chat.turns(), q.items(s).get(0).turns());
    }
    try (ReviewQueue q = ReviewQueue.open(db)) {
      assertEquals(2, q.schemaVersion(), "reopening does not migrate twice");
    }
  }
}
