package dev.verbatim.validation.queue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An item with its current labels (one per reviewer, the latest not undone), earliest first.
 *
 * @param item the item
 * @param labels current labels, earliest first
 */
public record LabeledItem(ReviewItem item, List<Label> labels) {
  public LabeledItem {
    requireNonNull(item, "item");
    labels = List.copyOf(labels);
  }

  /** The reference label for accuracy: the earliest current label that has a sentiment. */
  public Optional<Label> reference() {
    return labels.stream().filter(l -> l.sentiment() != null).findFirst();
  }
}
