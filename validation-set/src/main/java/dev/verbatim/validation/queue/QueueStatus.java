package dev.verbatim.validation.queue;

/**
 * Progress of a sample's review.
 *
 * @param items items in the sample
 * @param labelsRequired labels needed to finish (items + overlap items)
 * @param labelsDone current labels saved (flags included)
 * @param leased items under an unexpired lease right now
 * @param flagged items flagged by someone
 * @param skipped skips recorded
 * @param reviewers distinct reviewers with at least one label
 */
public record QueueStatus(
    int items, int labelsRequired, int labelsDone, int leased, int flagged, int skipped, int reviewers) {

  /** Labels still needed. */
  public int remaining() {
    return Math.max(0, labelsRequired - labelsDone);
  }
}
