package dev.verbatim.pipeline.redact;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for ids that hold personal data: a record id, account id or customer id such as
 * {@code bob@example.com} becomes {@code email-3f9a2c81d04b7e95}, the type of the first placeholder the
 * redactor would write, lower-cased, and the first 16 hex digits of HMAC-SHA256(key, value).
 *
 * <p>Ids are join and update keys, so a placeholder ({@code [EMAIL]}) would merge every such record
 * or account into one; a keyed hash keeps them apart and consistent: the same value under the same
 * key always gives the same pseudonym, so re-ingesting a record updates it and accounts.csv still
 * joins. Without the key, the pseudonym cannot be reversed by hashing guessed e-mail addresses.
 *
 * <p>A workspace keeps its key in {@code secrets/pseudonym.key} ({@link #inFile}); deleting that
 * file means new pseudonyms for every later run. Immutable and thread-safe.
 */
public final class IdPseudonyms {
  /** Length of a key in bytes. */
  public static final int KEY_BYTES = 32;

  /**
   * Hex digits of the HMAC kept in a pseudonym: 64 bits, so two of a million ids of one type collide
   * with probability ~3e-8 (a collision would make two records one, since ids are update keys).
   */
  static final int HEX_DIGITS = 16;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private IdPseudonyms(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a pseudonym key has " + KEY_BYTES + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** Pseudonyms under {@code key} ({@value #KEY_BYTES} bytes), e.g. a fixed key for tests and benchmarks. */
  public static IdPseudonyms withKey(byte[] key) {
    return new IdPseudonyms(requireNonNull(key, "key"));
  }

  /** Pseudonyms under a fresh random key: consistent within this object only. */
  public static IdPseudonyms random() {
    byte[] k = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(k);
    return new IdPseudonyms(k);
  }

  /**
   * Pseudonyms under the key in {@code file}, created with {@value #KEY_BYTES} random bytes if it
   * does not exist yet (readable by its owner only where the file system has POSIX permissions).
   *
   * @throws IOException if the file cannot be read or written, or does not hold a key
   */
  public static IdPseudonyms inFile(Path file) throws IOException {
    requireNonNull(file, "file");
    if (!Files.exists(file)) create(file);
    byte[] k = Files.readAllBytes(file);
    if (k.length != KEY_BYTES) {
      throw new IOException("pseudonym key " + file + " holds " + k.length + " bytes, not " + KEY_BYTES
          + ": restore it from a backup, or delete it to start new pseudonyms (ids of earlier runs will not match)");
    }
    return new IdPseudonyms(k);
  }

  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(Files.exists(dir) ? dir : existingAncestor(dir))
        .supportsFileAttributeView("posix");
    if (!Files.exists(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    byte[] k = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(k);
    // written aside and moved in (never over an existing key), so a reader never sees half a key
    Path tmp = posix
        ? Files.createTempFile(dir, ".pseudonym", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".pseudonym", ".tmp");
    try {
      Files.write(tmp, k);
      Files.move(tmp, file);
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path existingAncestor(Path p) {
    Path at = p;
    while (at != null && !Files.exists(at)) at = at.getParent();
    return at == null ? Path.of("").toAbsolutePath() : at;
  }

  /** {@code value}'s pseudonym as a {@code type} id, e.g. {@code email-3f9a2c81d04b7e95}. */
  public String pseudonym(PiiType type, String value) {
    requireNonNull(type, "type");
    requireNonNull(value, "value");
    byte[] mac;
    try {
      Mac m = Mac.getInstance(ALGORITHM); // a Mac is stateful: one per call keeps this thread-safe
      m.init(key);
      mac = m.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + ALGORITHM, e); // every JDK has it
    }
    return type.name().toLowerCase(Locale.ROOT) + '-' + HexFormat.of().formatHex(mac).substring(0, HEX_DIGITS);
  }
}
