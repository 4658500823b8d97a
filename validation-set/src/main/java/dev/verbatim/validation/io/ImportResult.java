package dev.verbatim.validation.io;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported labels saved
 * @param unchanged labels left out because the reviewer's current label for the item says the
 *     same (the file was imported before): a second import of one export adds nothing
 * @param problems lines not imported, each "line N: what to fix"
 */
public record ImportResult(int imported, int unchanged, List<String> problems) {
  public ImportResult {
    problems = List.copyOf(problems);
  }
}
