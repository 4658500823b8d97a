package dev.verbatim.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.PiiSpan;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.pipeline.clean.Cleaner;
import dev.verbatim.pipeline.ingest.ColumnMapping;
import dev.verbatim.pipeline.ingest.FeedbackFormats;
import dev.verbatim.pipeline.ingest.FeedbackReader;
import dev.verbatim.pipeline.ingest.JsonlFeedbackReader;
import dev.verbatim.pipeline.ingest.SourceFile;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.redact.PiiRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim redact}: prints redacted records so a user can check redaction on their data. */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Clean and redact a file and print the result as JSONL on stdout, one record a line:",
      "{id, source, channel, event_time, language, text, pii: [{type, start, end}], turns}.",
      "Nothing is written to a workspace; rejected records are counted on stderr.",
      "An id holding personal data (an e-mail, a phone number) is printed as a keyed pseudonym,",
      "e.g. email-3f9a2c81d04b7e95, under a fresh random key per invocation: stable within one output,",
      "not across invocations, and not the ones a workspace's `run` writes (its key is its own).",
      "",
      "Example:",
      "  ./verbatim redact --input tickets.json | head"
    })
final class RedactCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "the file to redact")
  Path input;

  @Option(names = "--format", paramLabel = "NAME", description = "force the format (default: detected)")
  String format;

  @Option(names = "--map", paramLabel = "SPEC", description = "CSV column mapping, e.g. text=Comment,rating=Stars")
  String columnMap;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(input)) throw new IOException("cannot read --input " + input);
    if (Files.isDirectory(input)) throw new IOException("--input " + input + " is a folder: redact reads one file");
    FeedbackFormats formats = new FeedbackFormats(
        columnMap == null ? ColumnMapping.none() : ColumnMapping.parse(columnMap), null,
        JsonlFeedbackReader.DEFAULT_MAX_LINE_BYTES);
    FeedbackReader reader = format == null ? formats.detect(input) : formats.reader(format);
    Cleaner cleaner = Cleaner.withDefaults();
    PiiRedactor redactor = new PiiRedactor();
    long[] counts = new long[2]; // printed, rejected
    try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(System.out)) {
      out.setRootValueSeparator(null);
      reader.read(SourceFile.of(input), (raw, parsed) -> {
        Outcome<Redacted> result = switch (parsed) {
          case Outcome.Rejected<Feedback> r -> Outcome.reject(r.reason(), r.detail());
          case Outcome.Ok<Feedback> ok -> switch (cleaner.apply(ok.value())) {
            case Outcome.Rejected<Cleaned> r -> Outcome.reject(r.reason(), r.detail());
            case Outcome.Ok<Cleaned> c -> redactor.apply(c.value());
          };
        };
        switch (result) {
          case Outcome.Rejected<Redacted> r -> {
            counts[1]++;
            System.err.printf("%s line %d: %s: %s%n", Terminal.snippet(raw.file(), 200), raw.line(),
                r.reason(), Terminal.snippet(r.detail(), 300));
          }
          case Outcome.Ok<Redacted> ok -> {
            write(out, ok.value());
            counts[0]++;
          }
        }
      });
    }
    System.err.printf("%d records redacted, %d rejected%n", counts[0], counts[1]);
    return ExitCodes.OK;
  }

  private static void write(JsonGenerator out, Redacted r) {
    try {
      out.writeStartObject();
      out.writeStringField("id", r.id().id());
      out.writeStringField("source", r.id().source());
      out.writeStringField("channel", r.channel().wireName());
      out.writeStringField("event_time", r.eventTime().toString());
      out.writeStringField("language", r.language());
      if (r.subject() != null) out.writeStringField("subject", r.subject());
      out.writeStringField("text", r.text());
      out.writeArrayFieldStart("pii");
      for (PiiSpan s : r.pii()) {
        out.writeStartObject();
        out.writeStringField("type", s.type());
        out.writeNumberField("start", s.start());
        out.writeNumberField("end", s.end());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("turns");
      for (Turn t : r.turns()) {
        out.writeStartObject();
        out.writeStringField("speaker", t.speaker().wireName());
        out.writeStringField("text", t.text());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
