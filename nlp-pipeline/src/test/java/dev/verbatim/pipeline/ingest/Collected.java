package dev.verbatim.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a reader emitted, with lookups for assertions. */
final class Collected<T> implements RowSink<T> {
  final List<RawRecord> raws = new ArrayList<>();
  final List<Outcome<T>> outcomes = new ArrayList<>();

  @Override
  public void accept(RawRecord raw, Outcome<T> outcome) {
    raws.add(raw);
    outcomes.add(outcome);
  }

  static Path fixture(String name) {
    URL url = Collected.class.getResource("/fixtures/ingest/" + name);
    if (url == null) throw new IllegalArgumentException("no fixture " + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Collected<Feedback> read(FeedbackReader reader, Path file) {
    Collected<Feedback> c = new Collected<>();
    try {
      reader.read(SourceFile.of(file), c::accept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  static Collected<Feedback> read(FeedbackReader reader, String fixture) {
    return read(reader, fixture(fixture));
  }

  List<T> ok() {
    List<T> out = new ArrayList<>();
    for (Outcome<T> o : outcomes) if (o instanceof Outcome.Ok<T> k) out.add(k.value());
    return out;
  }

  List<Outcome.Rejected<T>> rejected() {
    List<Outcome.Rejected<T>> out = new ArrayList<>();
    for (Outcome<T> o : outcomes) if (o instanceof Outcome.Rejected<T> r) out.add(r);
    return out;
  }

  /** The outcome emitted for the record starting at {@code line}. */
  Outcome<T> atLine(long line) {
    for (int i = 0; i < raws.size(); i++) if (raws.get(i).line() == line) return outcomes.get(i);
    return fail("no record at line " + line + "; lines: " + raws.stream().map(RawRecord::line).toList());
  }

  Outcome.Rejected<T> rejectedAt(long line) {
    Outcome<T> o = atLine(line);
    if (o instanceof Outcome.Rejected<T> r) return r;
    return fail("line " + line + " was accepted: " + o);
  }

  void assertCounts(int ok, int rejected) {
    assertEquals(ok, ok().size(), "ok: " + outcomes);
    assertEquals(rejected, rejected().size(), "rejected: " + outcomes);
    assertEquals(raws.size(), outcomes.size());
  }
}
