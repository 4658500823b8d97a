package dev.verbatim.topics;

/** Fits a topic model on a corpus. Implementations are stateless and thread-safe; a fit may take seconds to minutes. */
public interface TopicTrainer {
  /**
   * Fits a model.
   *
   * @param corpus the documents, in a fixed order
   * @param params settings, including the seed
   * @return an immutable model whose {@link TopicModel#training()} holds the topics of every corpus document
   * @throws IllegalArgumentException if the corpus is empty
   */
  TopicModel fit(Corpus corpus, TopicParams params);

  /** Returns a short method id written into snapshots and reports, e.g. {@code kmeans/all-minilm-l6-v2-q}. */
  String id();
}
