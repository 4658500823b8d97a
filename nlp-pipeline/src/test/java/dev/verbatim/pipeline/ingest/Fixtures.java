package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.Feedback;
import java.util.List;

/** Lookups over reader output. */
final class Fixtures {
  private Fixtures() {}

  static Feedback byId(List<Feedback> records, String id) {
    return records.stream()
        .filter(f -> f.id().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + id + " in " + records.stream().map(Feedback::id).toList()));
  }
}
