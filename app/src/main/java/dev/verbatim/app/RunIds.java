package dev.verbatim.app;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** Makes run ids that sort by start time and do not collide: {@code 20260302-101500-3fa9}. */
public final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  /** A new run id for a run starting at {@code now}. */
  public static String next(Instant now) {
    byte[] suffix = new byte[2];
    RANDOM.nextBytes(suffix);
    return FORMAT.format(now) + "-" + HexFormat.of().formatHex(suffix);
  }
}
