package dev.verbatim.validation.io;

import java.util.Locale;
import java.util.Optional;

/** File formats for import and export. */
public enum Format {
  /** One JSON object per line. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** Label Studio's JSON: an array of tasks with annotations and predictions. */
  LABEL_STUDIO;

  /** Parses {@code jsonl}, {@code csv}, {@code label-studio} (or {@code labelstudio}, {@code ls}). */
  public static Optional<Format> parse(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "jsonl", "ndjson" -> Optional.of(JSONL);
      case "csv" -> Optional.of(CSV);
      case "label-studio", "labelstudio", "ls", "label_studio" -> Optional.of(LABEL_STUDIO);
      default -> Optional.empty();
    };
  }
}
