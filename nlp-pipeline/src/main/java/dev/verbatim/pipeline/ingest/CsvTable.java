package dev.verbatim.pipeline.ingest;

import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Streams a CSV file with a header row (RFC 4180, multi-line quoted fields) row by row with the
 * line each row starts on. Bytes that are not UTF-8 decode to U+FFFF and the rows holding them are
 * rejected as NOT_UTF8; rows over the size limit as TOO_LONG; a row with more non-empty fields
 * than the header as MALFORMED_CSV; an unterminated quote makes the rest of the file one
 * MALFORMED_CSV rejection. Blank lines are skipped. Not thread-safe: one table per read.
 */
final class CsvTable {
  /** The replacement for undecodable bytes: a noncharacter that valid text never holds. */
  static final char BAD = '\uFFFF';

  /** Receives the header, then each good row; the bad ones go to {@code reject}. */
  interface Handler {
    void header(List<String> names);

    void row(long line, List<String> values, RawRecord raw);

    void reject(RawRecord raw, Reason reason, String detail);
  }

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private CsvTable() {}

  static void read(SourceFile file, int maxRowChars, Handler h) throws IOException {
    String name = file.name();
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(BAD));
    try (Reader reader = new InputStreamReader(file.open(), utf8);
        CSVParser parser = FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      long prevEnd = 0;
      List<String> header = null;
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) break;
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          long from = prevEnd + 1;
          h.reject(
              RawRecord.of(name, from, Tail.fromLine(file, from, LineReader.DEFAULT_KEEP)),
              Reason.MALFORMED_CSV,
              "the rest of the file from line " + from + " cannot be read as CSV (a quote that is"
                  + " never closed?); rows before it were read; fix the quoting from this line");
          break;
        }
        long start = prevEnd + 1;
        prevEnd = parser.getCurrentLineNumber();
        List<String> values = rec.toList();
        if (values.size() == 1 && values.get(0).isBlank()) continue;
        if (header == null) {
          header = new ArrayList<>(values);
          if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
          }
          h.header(header);
          continue;
        }
        String text = FORMAT.format(values.toArray());
        RawRecord raw = RawRecord.ofText(name, start, text);
        if (text.length() > maxRowChars) {
          h.reject(
              raw.content().length() > LineReader.DEFAULT_KEEP
                  ? RawRecord.ofText(name, start, text.substring(0, LineReader.DEFAULT_KEEP))
                  : raw,
              Reason.TOO_LONG,
              "row is " + text.length() + " characters, over the limit of " + maxRowChars);
          continue;
        }
        if (text.indexOf(BAD) >= 0) {
          h.reject(
              raw,
              Reason.NOT_UTF8,
              "the row holds bytes that are not UTF-8 (shown as U+FFFF); re-export the file as"
                  + " UTF-8 (e.g. iconv -f latin1 -t utf-8)");
          continue;
        }
        if (values.size() > header.size()) {
          boolean extra = false;
          for (int i = header.size(); i < values.size(); i++) extra |= !values.get(i).isBlank();
          if (extra) {
            h.reject(
                raw,
                Reason.MALFORMED_CSV,
                "row has " + values.size() + " fields but the header has " + header.size()
                    + "; quote fields that contain commas");
            continue;
          }
        }
        if (values.size() < header.size()) {
          // A short row is a cut or mis-quoted line: reading it would shift or drop fields silently.
          h.reject(
              raw,
              Reason.MALFORMED_CSV,
              "row has " + values.size() + " fields but the header has " + header.size()
                  + "; the row is cut short or a quote is misplaced");
          continue;
        }
        h.row(start, values, raw);
      }
    }
  }

  /** Lower-case letters and digits only: "Review Submit Date and Time" → "reviewsubmitdateandtime". */
  static String normalize(String header) {
    StringBuilder b = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = Character.toLowerCase(header.charAt(i));
      if (Character.isLetterOrDigit(c)) b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The column of {@code field}: the mapped one if the mapping names it (-1 if the file lacks it),
   * else the first header matching one of {@code aliases} (normalized), in alias order.
   */
  static int find(List<String> header, ColumnMapping mapping, String field, String... aliases) {
    var mapped = mapping.column(field);
    if (mapped.isPresent()) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).strip().equalsIgnoreCase(mapped.get().strip())) return i;
      }
      return -1;
    }
    for (String alias : aliases) {
      for (int i = 0; i < header.size(); i++) {
        if (normalize(header.get(i)).equals(alias)) return i;
      }
    }
    return -1;
  }

  /** The value at {@code index}, stripped; null if the column is absent or the cell blank. */
  static @Nullable String cell(List<String> values, int index) {
    if (index < 0 || index >= values.size()) return null;
    String v = values.get(index).strip();
    return v.isEmpty() ? null : v;
  }

  /**
   * A stable id for a row that has none: a hash of the given cells, so that ingesting the same
   * export again yields the same ids (and updates, never duplicates).
   */
  static String stableId(@Nullable String... parts) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        d.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      return "h" + java.util.HexFormat.of().formatHex(d.digest(), 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Every cell of a column no field uses, keyed by its header, for meta. */
  static void putUnused(
      java.util.Map<String, String> meta, List<String> header, List<String> values, java.util.Set<Integer> used) {
    for (int i = 0; i < header.size() && i < values.size(); i++) {
      if (used.contains(i)) continue;
      String v = values.get(i).strip();
      if (!v.isEmpty() && !header.get(i).isBlank()) meta.putIfAbsent(header.get(i).strip(), v);
    }
  }
}
