package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * Where a piece of personal data was masked: its type and its place in the redacted text. The
 * original value is deliberately not kept.
 *
 * @param type the placeholder's type, e.g. {@code EMAIL}
 * @param start offset of the placeholder in the redacted text, inclusive
 * @param end offset of the placeholder in the redacted text, exclusive
 */
public record PiiSpan(String type, int start, int end) {
  public PiiSpan {
    requireNonNull(type, "type");
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }
}
