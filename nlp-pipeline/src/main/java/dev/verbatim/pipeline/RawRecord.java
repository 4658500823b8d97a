package dev.verbatim.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A record's original bytes and where they came from, kept so a rejected record can be quarantined
 * untouched.
 *
 * @param file the source file as the user named it
 * @param line the 1-based line where the record starts (0 if the source has no lines)
 * @param content the original bytes: UTF-8 text, or Base64 if they were not valid UTF-8
 * @param base64 whether {@code content} is Base64
 */
public record RawRecord(String file, long line, String content, boolean base64) {
  public RawRecord {
    requireNonNull(file, "file");
    requireNonNull(content, "content");
  }

  /** Keeps {@code bytes} as text if they are valid UTF-8, else as Base64. */
  public static RawRecord of(String file, long line, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new RawRecord(file, line, text, false);
    } catch (CharacterCodingException e) {
      return new RawRecord(file, line, Base64.getEncoder().encodeToString(bytes), true);
    }
  }

  /** A record whose original is already text (e.g. a CSV row re-joined, a JSON node). */
  public static RawRecord ofText(String file, long line, String text) {
    return new RawRecord(file, line, text, false);
  }
}
