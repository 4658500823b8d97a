package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which CSV column holds which field, for layouts the review and survey readers do not know by
 * name. Parsed from the CLI's {@code --map} value, e.g. {@code
 * "text=Comment,rating=Stars,time=When,id=RowId,title=Headline,author=User,version=Ver,language=Lang"}.
 * A mapped field overrides the built-in column names; unmapped fields are still found by them.
 *
 * <p>Fields: {@code id}, {@code text}, {@code title}, {@code rating}, {@code time}, {@code author},
 * {@code version}, {@code language}, {@code reply} (a developer's or agent's answer), {@code
 * account}, {@code customer}, {@code survey}. Aliases: {@code score} = rating, {@code comment} =
 * text, {@code date} = time, {@code email} = customer. Column names match case-insensitively and
 * ignoring surrounding spaces.
 *
 * @param columns field → column header, fields in their canonical names
 */
public record ColumnMapping(Map<String, String> columns) {
  /** The fields a mapping can name. */
  public static final List<String> FIELDS =
      List.of(
          "id", "text", "title", "rating", "time", "author", "version", "language", "reply",
          "account", "customer", "survey");

  private static final Map<String, String> ALIASES =
      Map.of("score", "rating", "comment", "text", "date", "time", "email", "customer");

  public ColumnMapping {
    requireNonNull(columns, "columns");
    for (String k : columns.keySet()) {
      if (!FIELDS.contains(k)) throw new IllegalArgumentException(unknownField(k));
    }
    columns = Map.copyOf(columns);
  }

  /** No mapping: the readers find columns by their built-in names. */
  public static ColumnMapping none() {
    return new ColumnMapping(Map.of());
  }

  /**
   * Parses {@code field=Column,field=Column}.
   *
   * @throws IllegalArgumentException naming the valid fields, if a pair is malformed or names an
   *     unknown field
   */
  public static ColumnMapping parse(String spec) {
    requireNonNull(spec, "spec");
    Map<String, String> columns = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "--map entry '" + pair.strip() + "' is not field=Column, e.g. text=Comment,rating=Stars");
      }
      String field = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      field = ALIASES.getOrDefault(field, field);
      if (!FIELDS.contains(field)) throw new IllegalArgumentException(unknownField(field));
      columns.put(field, pair.substring(eq + 1).strip());
    }
    return new ColumnMapping(columns);
  }

  /** The column mapped to {@code field}, if any. */
  public Optional<String> column(String field) {
    return Optional.ofNullable(columns.get(field));
  }

  private static String unknownField(String field) {
    return "--map names an unknown field '" + field + "'; fields are " + String.join(", ", FIELDS);
  }
}
