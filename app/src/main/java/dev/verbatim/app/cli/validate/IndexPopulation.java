package dev.verbatim.app.cli.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.Workspace;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.IndexSchema;
import dev.verbatim.index.RecordFacts;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.PopulationSource;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's search index as what {@code validate} samples from: every scored record a run
 * indexed, read with {@link FeedbackSearch#scan} (key, redacted text, channel, sentiment label,
 * score and calibrated confidence, topics), its conversation turns for the sampled items, and the
 * hits of a search query for targeted samples.
 *
 * <p>Record ids are the index keys {@code source/id} (unique across sources). Records the run did not
 * score and records flagged as near-duplicates of an earlier one are left out: the population is
 * what trends count. A record indexed without a confidence gets 0 (reviewed first by the
 * uncertainty strategy).
 */
final class IndexPopulation {
  private IndexPopulation() {}

  /** The wiring the composition root gives {@code validate}: index population, search, turns. */
  static ValidateCommand.Wiring wiring() {
    return new ValidateCommand.Wiring(IndexPopulation::source, IndexPopulation::search, IndexPopulation::turns,
        SecondOpinions::standard);
  }

  /** Every scored, non-duplicate record of the workspace's index, in index order. */
  static PopulationSource source(Path workspace) {
    return () -> scan(workspace, "");
  }

  /** The population records matching {@code query} (same syntax and fields as {@code verbatim search}). */
  static List<PopulationRecord> scan(Path workspace, String query) throws IOException {
    List<PopulationRecord> out = new ArrayList<>();
    try (FeedbackSearch search = FeedbackSearch.open(new Workspace(workspace).index())) {
      search.scan(SearchRequest.builder(query).build(), true, f -> record(f).ifPresent(out::add));
    }
    return out;
  }

  /** The ids (keys) of the records matching a search query. */
  static List<String> search(Path workspace, String query) throws IOException {
    return scan(workspace, query).stream().map(PopulationRecord::id).toList();
  }

  /** A population record from what the index knows; empty for unscored records and duplicates. */
  static Optional<PopulationRecord> record(RecordFacts f) {
    if (f.key() == null || f.text() == null || f.duplicate()) {
      return Optional.empty();
    }
    Optional<SentimentLabel> label = SentimentLabel.parse(f.sentiment());
    if (label.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PopulationRecord(f.key(), f.text(), f.channel() == null ? "unknown" : f.channel(),
        label.get(), f.sentimentScore() == null ? 0 : f.sentimentScore(),
        f.sentimentConfidence() == null ? 0 : f.sentimentConfidence(), f.topics(), null, null));
  }

  /**
   * The conversation turns of the given records (by key), read from the index's stored {@code
   * turns} field; records with a single customer turn (the text itself) get none.
   */
  static Map<String, List<Turn>> turns(Path workspace, Collection<String> keys) throws IOException {
    Map<String, List<Turn>> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    Path dir = new Workspace(workspace).index();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
      TopDocs top = searcher.search(new TermInSetQuery(IndexSchema.KEY, terms), Math.max(1, keys.size()));
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc, Set.of(IndexSchema.SOURCE, IndexSchema.ID, IndexSchema.TURNS));
        List<Turn> turns = parseTurns(d.get(IndexSchema.TURNS));
        boolean context = turns.size() > 1 || turns.stream().anyMatch(t -> !t.speaker().equals("customer"));
        if (context) {
          out.put(d.get(IndexSchema.SOURCE) + "/" + d.get(IndexSchema.ID), turns);
        }
      }
    } catch (IndexNotFoundException e) {
      throw new IOException("no index in " + dir + ": run './verbatim run --input FILE' first", e);
    }
    return out;
  }

  /** The stored turns JSON ({@code [{speaker, text, time?}]}); empty when absent or unreadable. */
  static List<Turn> parseTurns(@Nullable String json) {
    List<Turn> out = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    try {
      JsonNode arr = Cli.JSON.readTree(json);
      for (JsonNode t : arr) {
        out.add(new Turn(t.path("speaker").asText("customer"), t.path("text").asText("")));
      }
    } catch (JsonProcessingException e) {
      return List.of(); // display context only: a record without it is still labelled
    }
    return out;
  }
}
