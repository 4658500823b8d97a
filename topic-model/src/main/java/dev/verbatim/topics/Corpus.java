package dev.verbatim.topics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The documents a topic model is fitted on, in a fixed order (the order is part of what makes a
 * fit deterministic).
 *
 * @param documents the documents; ids must be unique
 */
public record Corpus(List<TopicDocument> documents) {
  public Corpus {
    documents = List.copyOf(documents);
    Set<String> seen = new HashSet<>();
    for (TopicDocument d : documents) {
      if (!seen.add(d.id())) throw new IllegalArgumentException("duplicate document id: " + d.id());
    }
  }

  /** Returns the number of documents. */
  public int size() {
    return documents.size();
  }
}
