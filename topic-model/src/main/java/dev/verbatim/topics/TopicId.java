package dev.verbatim.topics;

import static java.util.Objects.requireNonNull;

/**
 * A topic's stable id, e.g. {@code t12}. Ids survive refits: a refitted topic that matches an old
 * one keeps the old id; a new topic gets a number never used before in that model's lineage.
 *
 * @param value the id; not blank
 */
public record TopicId(String value) implements Comparable<TopicId> {
  public TopicId {
    requireNonNull(value, "value");
    if (value.isBlank()) throw new IllegalArgumentException("topic id is blank");
  }

  /** Returns the id {@code "t" + number}. */
  public static TopicId of(int number) {
    return new TopicId("t" + number);
  }

  /** Returns the number of a {@code t<n>} id, or -1 for an id of another shape. */
  public int number() {
    if (value.length() < 2 || value.charAt(0) != 't') return -1;
    try {
      return Integer.parseInt(value.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Orders {@code t<n>} ids by number, then any others by text. */
  @Override
  public int compareTo(TopicId o) {
    int a = number();
    int b = o.number();
    if (a >= 0 && b >= 0) return Integer.compare(a, b);
    if (a >= 0) return -1;
    if (b >= 0) return 1;
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
