package dev.verbatim.validation.io;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported labels saved
 * @param problems lines not imported, each "line N: what to fix"
 */
public record ImportResult(int imported, List<String> problems) {
  public ImportResult {
    problems = List.copyOf(problems);
  }
}
