package dev.verbatim.topics.tag;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.Annotated;
import java.util.List;

/**
 * A record after the {@code topics} stage: the annotated record and its topic tags.
 *
 * @param annotated the record as annotated
 * @param tags its topics, heaviest first; empty if the model could read none of its words
 */
public record Topical(Annotated annotated, List<Tag> tags) {
  public Topical {
    requireNonNull(annotated, "annotated");
    tags = List.copyOf(tags);
  }
}
