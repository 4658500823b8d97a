package dev.verbatim.topics.align;

import dev.verbatim.topics.TopicId;
import java.util.List;

/**
 * What a refit changed, in the ids of the aligned new model (kept and new topics) and of the old
 * one (vanished and merged-away topics).
 *
 * @param kept old topics matched one-to-one with a new topic, which keeps the old id
 * @param added new topics that match nothing old (not counting split parts)
 * @param vanished old topics with no counterpart (not counting merged ones)
 * @param merged old topics that each joined an existing (kept) topic
 * @param split new topics that each broke off an existing (kept) topic
 */
public record RefitReport(List<Kept> kept, List<TopicId> added, List<TopicId> vanished, List<Merge> merged,
    List<Split> split) {
  public RefitReport {
    kept = List.copyOf(kept);
    added = List.copyOf(added);
    vanished = List.copyOf(vanished);
    merged = List.copyOf(merged);
    split = List.copyOf(split);
  }

  /** A matched topic and how similar the two versions are (cosine or term overlap, 0-1). */
  public record Kept(TopicId id, double similarity) {}

  /** Old topic {@code from} merged into kept topic {@code into}. */
  public record Merge(TopicId from, TopicId into, double similarity) {}

  /** New topic {@code part} split off kept topic {@code from}. */
  public record Split(TopicId from, TopicId part, double similarity) {}
}
