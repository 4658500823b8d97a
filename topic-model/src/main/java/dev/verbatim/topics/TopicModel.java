package dev.verbatim.topics;

import java.util.List;
import java.util.Map;

/**
 * A fitted topic model. Immutable and thread-safe: share one instance across worker threads.
 * Inference cost depends on the implementation (embedding models run a sentence encoder per
 * sentence; LDA runs a few fold-in sweeps).
 */
public interface TopicModel {
  /** Returns the topics in the model's fixed order (the order of {@link #signatures()}). */
  List<Topic> topics();

  /** Returns the method id of the trainer that fitted this model. */
  String method();

  /**
   * Returns the topics of a new record, without refitting. Never throws on odd text: an empty or
   * unreadable text gets a mix all the same.
   */
  DocumentTopics infer(TopicDocument document);

  /** Returns the topics of several records; may batch work, same result as {@link #infer} one by one. */
  default List<DocumentTopics> inferAll(List<TopicDocument> documents) {
    return documents.stream().map(this::infer).toList();
  }

  /**
   * Returns the topics of the documents the model was fitted on, by document id, in corpus order;
   * empty for a model loaded from a snapshot (snapshots do not hold per-record data).
   */
  Map<String, DocumentTopics> training();

  /** Returns this model with topic ids renamed by {@code mapping} (ids not in it keep theirs). */
  TopicModel withIds(Map<TopicId, TopicId> mapping);

  /** Returns this model with one topic's label replaced (e.g. an analyst's rename). */
  TopicModel withLabel(TopicId id, String label);

  /**
   * Returns one vector per topic that can be compared across refits of the same method (a unit
   * centroid in embedding space), in the order of {@link #topics()}; empty when the model has no
   * such vector (alignment then falls back to top terms).
   */
  List<float[]> signatures();
}
