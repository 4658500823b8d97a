package dev.verbatim.app.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link DemoCorpus#generate} wrote: the folder, each file with its record count, and the
 * planted truth.
 *
 * @param dir the output folder
 * @param settings the settings used
 * @param files the files written, in a fixed order
 * @param truth what was planted
 */
public record DemoManifest(Path dir, DemoSettings settings, List<WrittenFile> files, PlantedTruth truth) {

  public DemoManifest {
    files = List.copyOf(files);
  }

  /**
   * One file written.
   *
   * @param name file name inside {@code dir}
   * @param records records in it: tickets, conversations, CSV data rows (malformed included),
   *     label lines; 1 for planted-truth.json
   */
  public record WrittenFile(String name, long records) {}

  /** The record count of {@code name}; throws if no such file was written. */
  public long records(String name) {
    return files.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no file " + name))
        .records();
  }
}
