package dev.verbatim.pipeline.redact;

/**
 * A span a detector found: its type, its offsets, and whether to mask it. An unmasked hit (a URL
 * without personal data) still claims its span, so no other detector masks a piece of it.
 */
record Hit(PiiType type, int start, int end, boolean mask) {
  Hit(PiiType type, int start, int end) {
    this(type, start, end, true);
  }

  boolean overlaps(Hit o) {
    return start < o.end && o.start < end;
  }
}
