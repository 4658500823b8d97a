package dev.verbatim.validation.queue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SampledItem;
import dev.verbatim.validation.sample.Strategy;
import dev.verbatim.validation.sample.Stratum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The review queue in a SQLite file. Thread-safe (methods synchronize on this instance); several
 * instances on the same file, in threads or processes, coordinate through SQLite's write lock.
 * Open one per process (or per reviewer thread) and close it.
 *
 * <p>An item needs one label, or two for overlap items. {@link #next} leases an item to a reviewer
 * for the lease duration; a lease that expires without a label returns the item to the queue. A
 * reviewer never gets an item they labelled or skipped, and no item is leased to more reviewers
 * than it needs labels.
 */
public final class ReviewQueue implements AutoCloseable {
  /** The database schema version (PRAGMA user_version and the schema_version table). */
  public static final int SCHEMA_VERSION = 2;

  /** The default lease: long enough to read a long ticket, short enough that a lost tab frees it. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Boolean>> VERDICTS = new TypeReference<>() {};
  private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() {};

  private final Connection conn;
  private final Clock clock;
  private final Duration lease;

  private ReviewQueue(Connection conn, Clock clock, Duration lease) {
    this.conn = conn;
    this.clock = clock;
    this.lease = lease;
  }

  /** Opens (creating or migrating) the queue at {@code db} with the system clock and default lease. */
  public static ReviewQueue open(Path db) throws IOException {
    return open(db, Clock.systemUTC(), DEFAULT_LEASE);
  }

  /** Opens (creating or migrating) the queue at {@code db}. */
  public static ReviewQueue open(Path db, Clock clock, Duration lease) throws IOException {
    requireNonNull(db, "db");
    requireNonNull(clock, "clock");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, got " + lease);
    }
    Path parent = db.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Properties props = new Properties();
      props.setProperty("busy_timeout", "30000");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), props);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout=30000");
        st.execute("PRAGMA journal_mode=WAL");
        // FULL: a commit is fsynced before save() returns; see package-info.
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
      }
      ReviewQueue q = new ReviewQueue(c, clock, lease);
      q.migrate();
      return q;
    } catch (SQLException e) {
      throw new IOException("cannot open review queue " + db + ": " + e.getMessage(), e);
    }
  }

  private void migrate() throws SQLException {
    inTx(() -> {
      int version;
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new SQLException("validation.db has schema version " + version
            + ", newer than this Verbatim understands (" + SCHEMA_VERSION + "); upgrade Verbatim");
      }
      if (version < 1) {
        try (Statement st = conn.createStatement()) {
          for (String sql : SCHEMA_V1) {
            st.execute(sql);
          }
          st.execute("INSERT INTO schema_version(version, applied_at) VALUES (1, '" + clock.instant() + "')");
          st.execute("PRAGMA user_version=1");
        }
      }
      if (version < 2) {
        // v2: the conversation turns around an item's text, shown to reviewers as context
        try (Statement st = conn.createStatement()) {
          st.execute("ALTER TABLE items ADD COLUMN turns TEXT NOT NULL DEFAULT '[]'");
          st.execute("INSERT INTO schema_version(version, applied_at) VALUES (2, '" + clock.instant() + "')");
          st.execute("PRAGMA user_version=2");
        }
      }
      return null;
    });
  }

  private static final String[] SCHEMA_V1 = {
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
    "CREATE INDEX items_sample ON items(sample_id, position)",
    "CREATE TABLE assignments(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),"
        + " reviewer TEXT NOT NULL, leased_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
        + " state TEXT NOT NULL CHECK (state IN ('active', 'done', 'skipped', 'released')))",
    "CREATE INDEX assignments_item ON assignments(item_id, state)",
    "CREATE INDEX assignments_reviewer ON assignments(reviewer, state)",
    "CREATE TABLE labels(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),"
        + " reviewer TEXT NOT NULL, label_schema INTEGER NOT NULL, sentiment TEXT, topic_verdicts TEXT NOT NULL,"
        + " corrected_topic TEXT, pii_unmasked INTEGER NOT NULL, flagged INTEGER NOT NULL, note TEXT NOT NULL,"
        + " created INTEGER NOT NULL, undone_at INTEGER)",
    "CREATE INDEX labels_item ON labels(item_id)",
    "CREATE INDEX labels_reviewer ON labels(reviewer, id)",
  };

  /** Stores a drawn sample and its items; returns the new sample id. */
  public synchronized long addSample(Sample sample) throws IOException {
    requireNonNull(sample, "sample");
    return io(() -> inTx(() -> {
      long sampleId;
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO samples(strategy, seed, n, overlap_share, population_size, params, created)"
              + " VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, sample.plan().strategy().wire());
        ps.setLong(2, sample.plan().seed());
        ps.setInt(3, sample.plan().n());
        ps.setDouble(4, sample.plan().overlapShare());
        ps.setInt(5, sample.populationSize());
        ps.setString(6, json(Map.of("target_ids", sample.plan().targetIds().size(),
            "allocation", sample.plan().strategy() == Strategy.STRATIFIED ? "sqrt" : "none")));
        ps.setString(7, clock.instant().toString());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          sampleId = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO strata(sample_id, key, population_count, sample_count) VALUES (?,?,?,?)")) {
        for (Stratum s : sample.strata()) {
          ps.setLong(1, sampleId);
          ps.setString(2, s.key());
          ps.setInt(3, s.populationCount());
          ps.setInt(4, s.sampleCount());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO items(sample_id, position, record_id, text, channel, predicted, score, confidence,"
              + " topics, second_opinion, seeded_theme, stratum, weight, required, turns)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        int pos = 0;
        for (SampledItem it : sample.items()) {
          PopulationRecord r = it.record();
          ps.setLong(1, sampleId);
          ps.setInt(2, pos++);
          ps.setString(3, r.id());
          ps.setString(4, r.text());
          ps.setString(5, r.channel());
          ps.setString(6, r.predicted().wire());
          ps.setDouble(7, r.score());
          ps.setDouble(8, r.confidence());
          ps.setString(9, json(r.topicIds()));
          setNullable(ps, 10, r.secondOpinion() == null ? null : r.secondOpinion().wire());
          setNullable(ps, 11, r.seededTheme());
          ps.setString(12, it.stratum());
          ps.setDouble(13, it.weight());
          ps.setInt(14, it.overlap() ? 2 : 1);
          ps.setString(15, json(r.turns()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return sampleId;
    }));
  }

  /** All stored samples, oldest first. */
  public synchronized List<SampleInfo> samples() throws IOException {
    return io(() -> {
      List<SampleInfo> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(
              "SELECT s.id, s.strategy, s.seed, s.n, s.overlap_share, s.population_size, s.created,"
                  + " (SELECT COUNT(*) FROM items i WHERE i.sample_id = s.id) FROM samples s ORDER BY s.id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SampleInfo(rs.getLong(1), Strategy.parse(rs.getString(2)).orElse(Strategy.QUERY),
              rs.getLong(3), rs.getInt(4), rs.getDouble(5), rs.getInt(6), rs.getInt(8),
              Instant.parse(rs.getString(7))));
        }
      }
      return out;
    });
  }

  /** The newest sample's id, if any. */
  public synchronized Optional<Long> latestSample() throws IOException {
    List<SampleInfo> all = samples();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).id());
  }

  /** The strata of a sample, for post-stratified estimates. */
  public synchronized List<Stratum> strata(long sampleId) throws IOException {
    return io(() -> {
      List<Stratum> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT key, population_count, sample_count FROM strata WHERE sample_id = ? ORDER BY key")) {
        ps.setLong(1, sampleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Stratum(rs.getString(1), rs.getInt(2), rs.getInt(3)));
          }
        }
      }
      return out;
    });
  }

  /** One sample's header. */
  public synchronized Optional<SampleInfo> sample(long sampleId) throws IOException {
    return samples().stream().filter(s -> s.id() == sampleId).findFirst();
  }

  /**
   * Leases the next item to {@code reviewer}: their own unexpired lease if they hold one, else the
   * first item (in review order, oldest sample first) that still needs a label and that they have
   * not labelled or skipped. Empty when nothing is left for them.
   *
   * @param sampleId restrict to one sample; null for any
   */
  public synchronized Optional<ReviewItem> next(String reviewer, @Nullable Long sampleId) throws IOException {
    requireReviewer(reviewer);
    return io(() -> inTx(() -> {
      long now = clock.millis();
      Long held = null;
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT a.item_id FROM assignments a JOIN items i ON i.id = a.item_id WHERE a.reviewer = ?"
              + " AND a.state = 'active' AND a.expires_at > ? AND (? IS NULL OR i.sample_id = ?)"
              + " ORDER BY a.id LIMIT 1")) {
        ps.setString(1, reviewer);
        ps.setLong(2, now);
        setNullableLong(ps, 3, sampleId);
        setNullableLong(ps, 4, sampleId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            held = rs.getLong(1);
          }
        }
      }
      if (held == null) {
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT i.id FROM items i WHERE (? IS NULL OR i.sample_id = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.item_id = i.id AND l.reviewer = ?"
                + "   AND l.undone_at IS NULL)"
                + " AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.reviewer = ?"
                + "   AND a.state = 'skipped')"
                + " AND (SELECT COUNT(DISTINCT l.reviewer) FROM labels l WHERE l.item_id = i.id"
                + "   AND l.undone_at IS NULL)"
                + "   + (SELECT COUNT(*) FROM assignments a WHERE a.item_id = i.id AND a.state = 'active'"
                + "   AND a.expires_at > ?) < i.required"
                + " ORDER BY i.sample_id, i.position LIMIT 1")) {
          setNullableLong(ps, 1, sampleId);
          setNullableLong(ps, 2, sampleId);
          ps.setString(3, reviewer);
          ps.setString(4, reviewer);
          ps.setLong(5, now);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.<ReviewItem>empty();
            }
            held = rs.getLong(1);
          }
        }
        lease(held, reviewer, now);
      }
      return Optional.of(item(held));
    }));
  }

  private void lease(long itemId, String reviewer, long now) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO assignments(item_id, reviewer, leased_at, expires_at, state) VALUES (?,?,?,?,'active')")) {
      ps.setLong(1, itemId);
      ps.setString(2, reviewer);
      ps.setLong(3, now);
      ps.setLong(4, now + lease.toMillis());
      ps.executeUpdate();
    }
  }

  /**
   * Saves a label for an item and closes the reviewer's lease on it. Durable when this returns. A
   * label is accepted even if the lease expired meanwhile: a saved read is never thrown away.
   *
   * @return the label's row id
   */
  public synchronized long save(long itemId, Label label) throws IOException {
    requireNonNull(label, "label");
    return io(() -> inTx(() -> {
      item(itemId); // fails clearly on an unknown item
      long id;
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO labels(item_id, reviewer, label_schema, sentiment, topic_verdicts, corrected_topic,"
              + " pii_unmasked, flagged, note, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, itemId);
        ps.setString(2, label.reviewer());
        ps.setInt(3, Label.SCHEMA_VERSION);
        setNullable(ps, 4, label.sentiment() == null ? null : label.sentiment().wire());
        ps.setString(5, json(label.topicVerdicts()));
        setNullable(ps, 6, label.correctedTopic());
        ps.setInt(7, label.piiUnmasked() ? 1 : 0);
        ps.setInt(8, label.flagged() ? 1 : 0);
        ps.setString(9, label.note());
        ps.setLong(10, label.created().toEpochMilli());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      closeLease(itemId, label.reviewer(), "done");
      return id;
    }));
  }

  /** Skips an item: the reviewer will not get it again; it returns to the queue for others. */
  public synchronized void skip(String reviewer, long itemId) throws IOException {
    requireReviewer(reviewer);
    io(() -> inTx(() -> {
      item(itemId);
      int changed;
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE assignments SET state = 'skipped' WHERE item_id = ? AND reviewer = ? AND state = 'active'")) {
        ps.setLong(1, itemId);
        ps.setString(2, reviewer);
        changed = ps.executeUpdate();
      }
      if (changed == 0) {
        long now = clock.millis();
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO assignments(item_id, reviewer, leased_at, expires_at, state) VALUES (?,?,?,?,'skipped')")) {
          ps.setLong(1, itemId);
          ps.setString(2, reviewer);
          ps.setLong(3, now);
          ps.setLong(4, now);
          ps.executeUpdate();
        }
      }
      return null;
    }));
  }

  /** Gives back the reviewer's unexpired leases (e.g. on quit) so others can take the items now. */
  public synchronized void release(String reviewer) throws IOException {
    requireReviewer(reviewer);
    io(() -> inTx(() -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE assignments SET state = 'released' WHERE reviewer = ? AND state = 'active'")) {
        ps.setString(1, reviewer);
        ps.executeUpdate();
      }
      return null;
    }));
  }

  /**
   * Undoes the reviewer's most recent label (it stays in the database, stamped undone) and leases
   * its item back to them, so {@link #next} shows it again.
   *
   * @return the item whose label was undone; empty if the reviewer has no label to undo
   */
  public synchronized Optional<Long> undoLast(String reviewer) throws IOException {
    requireReviewer(reviewer);
    return io(() -> inTx(() -> {
      long labelId;
      long itemId;
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id, item_id FROM labels WHERE reviewer = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1")) {
        ps.setString(1, reviewer);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Long>empty();
          }
          labelId = rs.getLong(1);
          itemId = rs.getLong(2);
        }
      }
      long now = clock.millis();
      try (PreparedStatement ps = conn.prepareStatement("UPDATE labels SET undone_at = ? WHERE id = ?")) {
        ps.setLong(1, now);
        ps.setLong(2, labelId);
        ps.executeUpdate();
      }
      // Put it in front of the reviewer's other leases: release those, lease this one.
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE assignments SET state = 'released' WHERE reviewer = ? AND state = 'active'")) {
        ps.setString(1, reviewer);
        ps.executeUpdate();
      }
      lease(itemId, reviewer, now);
      return Optional.of(itemId);
    }));
  }

  /** Looks up an item by its sample and record id (for imports). */
  public synchronized Optional<Long> itemId(long sampleId, String recordId) throws IOException {
    return io(() -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id FROM items WHERE sample_id = ? AND record_id = ?")) {
        ps.setLong(1, sampleId);
        ps.setString(2, recordId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
        }
      }
    });
  }

  /** The items of a sample, in review order. */
  public synchronized List<ReviewItem> items(long sampleId) throws IOException {
    return io(() -> {
      List<ReviewItem> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement(ITEM_SELECT + " WHERE sample_id = ? ORDER BY position")) {
        ps.setLong(1, sampleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(readItem(rs));
          }
        }
      }
      return out;
    });
  }

  /** The items of a sample with their current labels (latest per reviewer, not undone). */
  public synchronized List<LabeledItem> labeled(long sampleId) throws IOException {
    List<ReviewItem> items = items(sampleId);
    return io(() -> {
      Map<Long, Map<String, Label>> byItem = new LinkedHashMap<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT l.item_id, l.reviewer, l.sentiment, l.topic_verdicts, l.corrected_topic, l.pii_unmasked,"
              + " l.flagged, l.note, l.created FROM labels l JOIN items i ON i.id = l.item_id"
              + " WHERE i.sample_id = ? AND l.undone_at IS NULL ORDER BY l.id")) {
        ps.setLong(1, sampleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Label l = new Label(rs.getString(2), SentimentLabel.parse(rs.getString(3)).orElse(null),
                JSON.readValue(rs.getString(4), VERDICTS), rs.getString(5), rs.getInt(6) != 0,
                rs.getInt(7) != 0, rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
            Map<String, Label> per = byItem.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
            per.remove(l.reviewer()); // a relabel replaces, and moves to the end
            per.put(l.reviewer(), l);
          }
        } catch (JsonProcessingException e) {
          throw new SQLException("corrupt label row: " + e.getOriginalMessage(), e);
        }
      }
      List<LabeledItem> out = new ArrayList<>();
      for (ReviewItem it : items) {
        List<Label> ls = new ArrayList<>(byItem.getOrDefault(it.itemId(), Map.of()).values());
        ls.sort((a, b) -> a.created().compareTo(b.created()));
        out.add(new LabeledItem(it, ls));
      }
      return out;
    });
  }

  /** Review progress of a sample. */
  public synchronized QueueStatus status(long sampleId) throws IOException {
    return io(() -> {
      long now = clock.millis();
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT (SELECT COUNT(*) FROM items WHERE sample_id = ?1),"
              + " (SELECT COALESCE(SUM(required), 0) FROM items WHERE sample_id = ?1),"
              + " (SELECT COUNT(*) FROM (SELECT DISTINCT l.item_id, l.reviewer FROM labels l JOIN items i"
              + "   ON i.id = l.item_id WHERE i.sample_id = ?1 AND l.undone_at IS NULL)),"
              + " (SELECT COUNT(DISTINCT a.item_id) FROM assignments a JOIN items i ON i.id = a.item_id"
              + "   WHERE i.sample_id = ?1 AND a.state = 'active' AND a.expires_at > ?2),"
              + " (SELECT COUNT(DISTINCT l.item_id) FROM labels l JOIN items i ON i.id = l.item_id"
              + "   WHERE i.sample_id = ?1 AND l.undone_at IS NULL AND l.flagged = 1),"
              + " (SELECT COUNT(*) FROM assignments a JOIN items i ON i.id = a.item_id"
              + "   WHERE i.sample_id = ?1 AND a.state = 'skipped'),"
              + " (SELECT COUNT(DISTINCT l.reviewer) FROM labels l JOIN items i ON i.id = l.item_id"
              + "   WHERE i.sample_id = ?1 AND l.undone_at IS NULL)")) {
        ps.setLong(1, sampleId);
        ps.setLong(2, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new QueueStatus(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
              rs.getInt(6), rs.getInt(7));
        }
      }
    });
  }

  /** The database schema version on disk. */
  public synchronized int schemaVersion() throws IOException {
    return io(() -> {
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    });
  }

  /** The journal mode in force (should be {@code wal}). */
  public synchronized String journalMode() throws IOException {
    return io(() -> {
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        return rs.next() ? rs.getString(1) : "";
      }
    });
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new IOException("cannot close review queue: " + e.getMessage(), e);
    }
  }

  private static final String ITEM_SELECT =
      "SELECT id, sample_id, position, record_id, text, channel, predicted, score, confidence, topics,"
          + " second_opinion, seeded_theme, stratum, weight, required, turns FROM items";

  private ReviewItem item(long itemId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(ITEM_SELECT + " WHERE id = ?")) {
      ps.setLong(1, itemId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no item " + itemId + " in the review queue");
        }
        return readItem(rs);
      }
    }
  }

  private static ReviewItem readItem(ResultSet rs) throws SQLException {
    List<String> topics;
    List<Turn> turns;
    try {
      topics = JSON.readValue(rs.getString(10), STRINGS);
      turns = JSON.readValue(rs.getString(16), TURNS);
    } catch (JsonProcessingException e) {
      throw new SQLException("corrupt topics or turns of item " + rs.getLong(1), e);
    }
    PopulationRecord r = new PopulationRecord(rs.getString(4), rs.getString(5), rs.getString(6),
        SentimentLabel.parse(rs.getString(7)).orElse(SentimentLabel.NEUTRAL), rs.getDouble(8),
        rs.getDouble(9), topics, SentimentLabel.parse(rs.getString(11)).orElse(null), rs.getString(12), turns);
    return new ReviewItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), r, rs.getString(13), rs.getDouble(14),
        rs.getInt(15));
  }

  private void closeLease(long itemId, String reviewer, String state) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "UPDATE assignments SET state = ? WHERE item_id = ? AND reviewer = ? AND state = 'active'")) {
      ps.setString(1, state);
      ps.setLong(2, itemId);
      ps.setString(3, reviewer);
      ps.executeUpdate();
    }
  }

  private static void requireReviewer(String reviewer) {
    requireNonNull(reviewer, "reviewer");
    if (reviewer.isBlank()) {
      throw new IllegalArgumentException("reviewer must not be blank");
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static void setNullable(PreparedStatement ps, int i, @Nullable String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void setNullableLong(PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Runs work in a BEGIN IMMEDIATE transaction (takes the write lock up front: no upgrade deadlock). */
  private <T> T inTx(SqlWork<T> work) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
    }
    boolean ok = false;
    try {
      T result = work.run();
      try (Statement st = conn.createStatement()) {
        st.execute("COMMIT");
      }
      ok = true;
      return result;
    } finally {
      if (!ok) {
        try (Statement st = conn.createStatement()) {
          st.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the original failure is the one to report
        }
      }
    }
  }

  private static <T> T io(SqlWork<T> work) throws IOException {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IOException("review queue: " + e.getMessage(), e);
    }
  }
}
