package dev.verbatim.validation;

import java.io.IOException;
import java.util.List;

/**
 * The scored records samples are drawn from. The app adapts the index (or a run's annotated output)
 * to this; tests use a list.
 */
public interface PopulationSource {
  /** All records of the population, in a stable order (sampling is reproducible by seed only then). */
  List<PopulationRecord> records() throws IOException;

  /** A source over a fixed list. */
  static PopulationSource of(List<PopulationRecord> records) {
    List<PopulationRecord> copy = List.copyOf(records);
    return () -> copy;
  }
}
