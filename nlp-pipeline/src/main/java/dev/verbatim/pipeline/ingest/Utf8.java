package dev.verbatim.pipeline.ingest;

/** Fast UTF-8 validation of a byte range (RFC 3629: no overlongs, no surrogates, max U+10FFFF). */
final class Utf8 {
  private Utf8() {}

  /** Returns the offset (relative to {@code off}) of the first invalid byte, or -1 if all valid. */
  static int firstInvalid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xFF;
      if (c < 0xC2) return i - off;
      if (c < 0xE0) {
        if (i + 1 >= end || !cont(b[i + 1])) return i - off;
        i += 2;
      } else if (c < 0xF0) {
        if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) return i - off;
        int c1 = b[i + 1] & 0xFF;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i - off;
        i += 3;
      } else if (c < 0xF5) {
        if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) return i - off;
        int c1 = b[i + 1] & 0xFF;
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return i - off;
        i += 4;
      } else {
        return i - off;
      }
    }
    return -1;
  }

  private static boolean cont(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
