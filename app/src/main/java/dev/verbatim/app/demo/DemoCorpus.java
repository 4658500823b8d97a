package dev.verbatim.app.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates Verbatim's demo corpus: realistic exports of four feedback channels with accounts,
 * outcomes and the planted truth (see {@code PLANTED.md} beside this class).
 *
 * <p>Everything derives from {@link DemoSettings#seed()}: the same settings give byte-identical
 * files. Generation holds the plan of every record in memory (a few MB for 20,000 records) and
 * streams the files; {@link #writeCanonicalJsonl} holds nothing and is meant for millions of
 * records. Thread-safe: no shared mutable state.
 */
public final class DemoCorpus {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCorpus.class);

  /** File names written by {@link #generate}, in the order of {@link DemoManifest#files()}. */
  public static final List<String> FILES =
      List.of("tickets.json", "chats.json", "reviews.csv", "survey.csv", "accounts.csv", "outcomes.csv",
          "demo-labels.jsonl", "planted-truth.json");

  private DemoCorpus() {}

  /**
   * Writes the demo corpus into {@code outDir} (created if missing; existing files of the same
   * names are replaced) and returns what was written and planted.
   *
   * @throws IOException if a file cannot be written
   */
  public static DemoManifest generate(DemoSettings settings, Path outDir) throws IOException {
    requireNonNull(settings, "settings");
    requireNonNull(outDir, "outDir");
    long t0 = System.nanoTime();
    Files.createDirectories(outDir);
    AccountBook book = AccountBook.build(settings);
    List<Planner.Item> items = new Planner(settings, book).plan();
    List<List<Planner.Item>> byCh = new ArrayList<>();
    for (Planner.Ch ch : Planner.Ch.values()) byCh.add(items.stream().filter(i -> i.ch == ch).toList());

    var zendesk = new ZendeskWriter(book);
    try (JsonGenerator g = jsonFile(outDir.resolve("tickets.json"), true)) {
      zendesk.write(byCh.get(0), g);
    }
    try (JsonGenerator g = jsonFile(outDir.resolve("chats.json"), true)) {
      new IntercomWriter(book).write(byCh.get(1), g);
    }
    try (Writer w = Files.newBufferedWriter(outDir.resolve("reviews.csv"), StandardCharsets.UTF_8)) {
      CsvExports.reviews(byCh.get(2), settings, w);
    }
    try (Writer w = Files.newBufferedWriter(outDir.resolve("survey.csv"), StandardCharsets.UTF_8)) {
      CsvExports.survey(byCh.get(3), book, w);
    }
    long accounts;
    try (Writer w = Files.newBufferedWriter(outDir.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
      accounts = CsvExports.accounts(book, w);
    }
    long outcomes;
    try (Writer w = Files.newBufferedWriter(outDir.resolve("outcomes.csv"), StandardCharsets.UTF_8)) {
      outcomes = CsvExports.outcomes(book, w);
    }
    try (JsonGenerator g = jsonFile(outDir.resolve("demo-labels.jsonl"), false)) {
      Labels.write(items, book, g);
    }
    PlantedTruth truth = Truth.compute(settings, book, items, zendesk.signaturePii);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(outDir.resolve("planted-truth.json")))) {
      truthMapper().writeValue(out, new TruthFile(1, settings.seed(), settings.records(), settings.accounts(), truth));
    }
    List<DemoManifest.WrittenFile> files = List.of(
        new DemoManifest.WrittenFile("tickets.json", byCh.get(0).size()),
        new DemoManifest.WrittenFile("chats.json", byCh.get(1).size()),
        new DemoManifest.WrittenFile("reviews.csv", byCh.get(2).size()),
        new DemoManifest.WrittenFile("survey.csv", byCh.get(3).size()),
        new DemoManifest.WrittenFile("accounts.csv", accounts),
        new DemoManifest.WrittenFile("outcomes.csv", outcomes),
        new DemoManifest.WrittenFile("demo-labels.jsonl", items.size()),
        new DemoManifest.WrittenFile("planted-truth.json", 1));
    LOG.info("demo corpus: {} feedback records, {} accounts, {} outcomes in {} ms",
        items.size(), accounts, outcomes, (System.nanoTime() - t0) / 1_000_000);
    return new DemoManifest(outDir, settings, files, truth);
  }

  /**
   * Streams {@code n} canonical feedback records (shared/formats/feedback.md) as JSONL into {@code
   * file}, with the same text generator, accounts and growth effect as {@link #generate}; no
   * malformed records. Memory stays flat whatever {@code n}; records are generated on up to eight
   * threads (one per core) and written in order, so the file does not depend on the machine. Meant
   * for benchmarks.
   *
   * @return the number of records written ({@code n})
   * @throws IOException if the file cannot be written
   */
  public static long writeCanonicalJsonl(DemoSettings settings, Path file, long n) throws IOException {
    requireNonNull(settings, "settings");
    requireNonNull(file, "file");
    if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return new CanonicalWriter(settings).write(out, n, threads);
    }
  }

  static JsonGenerator jsonFile(Path file, boolean pretty) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(
        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
    if (pretty) {
      // Explicit "\n" so the files are identical on every OS.
      var indenter = new DefaultIndenter("  ", "\n");
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
    } else {
      g.setRootValueSeparator(null);
    }
    return g;
  }

  /** The planted-truth.json document: a format version and the settings beside the truth. */
  record TruthFile(int version, long seed, int records, int accounts, PlantedTruth truth) {}

  static ObjectMapper truthMapper() {
    var dates = new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance);
    var indenter = new DefaultIndenter("  ", "\n");
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .addModule(dates)
        .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter))
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }
}
