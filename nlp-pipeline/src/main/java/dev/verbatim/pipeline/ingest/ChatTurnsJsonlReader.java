package dev.verbatim.pipeline.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads chat transcripts exported as plain JSONL, one turn per line. Format name {@code
 * chat-jsonl}. Stateless and thread-safe; memory is bounded by the largest conversation (capped).
 *
 * <p>A line: {@code {"conversation_id", "speaker", "text", "time"}} with optional {@code
 * account_id}, {@code customer_id}, {@code source}. {@code speaker} is {@code customer}, {@code
 * agent} or {@code bot}; {@code role} is accepted instead, with {@code user} (customer) and {@code
 * admin} (agent) as aliases. {@code time} is ISO-8601 (a zone-less time is read as UTC) or Unix
 * seconds.
 *
 * <p><b>The export must be grouped by conversation</b>: consecutive lines with the same {@code
 * conversation_id} form one chat record (channel {@code chat}, source {@code chat} unless the lines
 * say otherwise, event time = the first customer turn's time). A conversation that reappears after
 * others (within the last 10,000 conversations) is rejected with a hint to sort the export; further
 * back it cannot be told and the later fragment would replace the earlier one on re-ingest.
 *
 * <p>A bad line (not JSON, no conversation id, unknown speaker, bad time) is rejected on its own;
 * the rest of its conversation is still read. Empty turns (attachments only) are left out and
 * counted in meta {@code empty_turns}. A conversation over {@code maxConversationBytes} is
 * rejected whole as {@link Reason#TOO_LONG}.
 */
public final class ChatTurnsJsonlReader implements FeedbackReader {
  private static final int RECENT = 10_000;

  private final int maxLineBytes;
  private final int maxConversationBytes;

  /** A reader with a 1 MiB line limit and a 16 MiB conversation limit. */
  public ChatTurnsJsonlReader() {
    this(JsonlFeedbackReader.DEFAULT_MAX_LINE_BYTES, LineReader.DEFAULT_KEEP);
  }

  /**
   * A reader with its own limits.
   *
   * @param maxLineBytes longest accepted line in bytes
   * @param maxConversationBytes largest accepted conversation, all its lines together, in bytes
   */
  public ChatTurnsJsonlReader(int maxLineBytes, int maxConversationBytes) {
    if (maxLineBytes < 1 || maxConversationBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxLineBytes = maxLineBytes;
    this.maxConversationBytes = maxConversationBytes;
  }

  @Override
  public String format() {
    return "chat-jsonl";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    String name = file.name();
    Map<String, Boolean> recent =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
          }
        };
    Conversation conv = null;
    try (InputStream in = file.open();
        LineReader lines = new LineReader(in, Math.max(LineReader.DEFAULT_KEEP, maxLineBytes))) {
      while (lines.next()) {
        if (lines.isBlank()) continue;
        long no = lines.lineNumber();
        if (lines.totalLength() > maxLineBytes) {
          sink.accept(
              RawRecord.of(name, no, lines.copy()),
              JsonlFeedbackReader.tooLong(lines.totalLength(), maxLineBytes));
          continue;
        }
        byte[] b = lines.bytes();
        int len = lines.length();
        int bad = Utf8.firstInvalid(b, 0, len);
        if (bad >= 0) {
          sink.accept(RawRecord.of(name, no, lines.copy()), JsonlFeedbackReader.notUtf8(b[bad], bad));
          continue;
        }
        String text = new String(b, 0, len, StandardCharsets.UTF_8);
        JsonNode node;
        try {
          node = Json.MAPPER.readTree(b, 0, len);
        } catch (JacksonException e) {
          sink.accept(
              RawRecord.ofText(name, no, text),
              Outcome.reject(
                  Reason.MALFORMED_JSON,
                  "not one JSON object: " + Json.describe(e) + "; each line must hold one chat turn"));
          continue;
        }
        String convId;
        try {
          if (!node.isObject()) {
            throw new RecordProblem(Reason.MALFORMED_JSON, "the line is " + Json.kind(node) + ", not a JSON object");
          }
          convId = Json.nonBlank(node, "conversation_id");
          if (convId == null) {
            throw new RecordProblem(
                Reason.MISSING_FIELD, "no 'conversation_id': every chat turn names its conversation");
          }
        } catch (RecordProblem p) {
          sink.accept(RawRecord.ofText(name, no, text), p.outcome());
          continue;
        }
        // outside the try: a failure of the sink (the pipeline) is not this line's problem
        if (conv == null || !conv.id.equals(convId)) {
          if (conv != null) {
            conv.flush(sink);
            recent.put(conv.id, Boolean.TRUE);
          }
          conv = new Conversation(name, convId, no, recent.containsKey(convId), maxConversationBytes);
        }
        try {
          conv.add(node);
          conv.append(b, len);
        } catch (RecordProblem p) {
          sink.accept(RawRecord.ofText(name, no, text), p.outcome());
        } catch (RuntimeException e) {
          sink.accept(RawRecord.ofText(name, no, text), RecordProblem.internal(name, no, e));
        }
      }
      if (conv != null) conv.flush(sink);
    }
  }

  /** The conversation being gathered: bounded by its byte cap. */
  private static final class Conversation {
    final String file;
    final String id;
    final long firstLine;
    final boolean regrouped;
    final int cap;
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    final List<Turn> turns = new ArrayList<>();
    long bytes;
    int emptyTurns;
    @Nullable String source;
    @Nullable String accountId;
    @Nullable String customerId;

    Conversation(String file, String id, long firstLine, boolean regrouped, int cap) {
      this.file = file;
      this.id = id;
      this.firstLine = firstLine;
      this.regrouped = regrouped;
      this.cap = cap;
    }

    void append(byte[] b, int len) {
      bytes += len + 1;
      if (raw.size() + len + 1 <= cap) {
        raw.write(b, 0, len);
        raw.write('\n');
      }
    }

    void add(JsonNode n) {
      String role = Json.nonBlank(n, "speaker");
      if (role == null) role = Json.nonBlank(n, "role");
      if (role == null) {
        throw new RecordProblem(
            Reason.MISSING_FIELD, "no 'speaker' (customer, agent or bot; or 'role' user/admin)");
      }
      Speaker speaker = Speakers.of(role);
      if (speaker == null) {
        throw new RecordProblem(
            Reason.BAD_FIELD,
            "speaker " + Times.quote(role) + " is not one of customer, agent, bot (or user, admin)");
      }
      Instant time = Json.time(n, "time", true);
      if (time == null) {
        throw new RecordProblem(Reason.MISSING_FIELD, "no 'time': write " + Times.EXAMPLE);
      }
      String body = Json.text(n, "text");
      if (source == null) source = Json.nonBlank(n, "source");
      if (accountId == null) accountId = Json.nonBlank(n, "account_id");
      if (customerId == null) customerId = Json.nonBlank(n, "customer_id");
      if (body == null || body.isBlank()) {
        emptyTurns++;
        return;
      }
      if (bytes <= cap) turns.add(new Turn(speaker, body, time));
    }

    void flush(RecordSink sink) {
      if (turns.isEmpty() && emptyTurns == 0) return; // every line was rejected on its own
      RawRecord original = RawRecord.of(file, firstLine, raw.toByteArray());
      if (regrouped) {
        sink.accept(
            original,
            Outcome.reject(
                Reason.BAD_FIELD,
                "conversation " + Times.quote(id) + " appears again after other conversations: the"
                    + " export must be grouped by conversation_id (sort it by conversation_id, then time)"));
        return;
      }
      if (bytes > cap) {
        sink.accept(original, JsonlFeedbackReader.tooLong(bytes, cap));
        return;
      }
      if (turns.isEmpty()) {
        sink.accept(original, Outcome.reject(Reason.EMPTY_TEXT, "every turn of the conversation is empty"));
        return;
      }
      Instant first = turns.get(0).time();
      Instant eventTime = first;
      for (Turn t : turns) {
        if (t.speaker() == Speaker.CUSTOMER) {
          eventTime = t.time();
          break;
        }
      }
      Map<String, String> meta = new HashMap<>();
      if (emptyTurns > 0) meta.put("empty_turns", Integer.toString(emptyTurns));
      Feedback f =
          new Feedback(
              new FeedbackId(source == null ? "chat" : source, id),
              Channel.CHAT,
              eventTime == null ? Instant.EPOCH : eventTime,
              turns,
              accountId,
              customerId,
              null,
              null,
              null,
              meta);
      sink.accept(original, Outcome.ok(f));
    }
  }
}
