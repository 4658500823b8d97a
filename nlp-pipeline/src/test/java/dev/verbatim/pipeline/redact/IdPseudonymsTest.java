package dev.verbatim.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids that hold personal data become keyed pseudonyms: stable under one key, distinct per value. */
class IdPseudonymsTest {
  private static final IdPseudonyms KEY_A = IdPseudonyms.withKey(key((byte) 1));
  private static final IdPseudonyms KEY_B = IdPseudonyms.withKey(key((byte) 2));
  private static final PiiRedactor A = new PiiRedactor(OriginalTextStore.none(), KEY_A);
  private static final PiiRedactor B = A.withOriginals(OriginalTextStore.none());

  @TempDir Path dir;

  private static byte[] key(byte fill) {
    byte[] k = new byte[IdPseudonyms.KEY_BYTES];
    Arrays.fill(k, fill);
    return k;
  }

  @Test
  void sameValueAndKeyGiveTheSamePseudonymAnotherKeyAnother() {
    String a1 = A.maskId("bob@example.com");
    assertTrue(a1.matches("email-[0-9a-f]{16}"), a1);
    assertEquals(a1, A.maskId("bob@example.com"));
    assertEquals(a1, B.maskId("bob@example.com"), "withOriginals keeps the key");
    assertEquals(a1, IdPseudonyms.withKey(key((byte) 1)).pseudonym(PiiType.EMAIL, "bob@example.com"));
    String other = new PiiRedactor(OriginalTextStore.none(), KEY_B).maskId("bob@example.com");
    assertTrue(other.startsWith("email-"), other);
    assertNotEquals(a1, other);
  }

  @Test
  void theWholeValueIsReplacedAndTypedByItsFirstPlaceholder() {
    String acct = A.maskId("acct+bob@example.com");
    assertTrue(acct.matches("email-[0-9a-f]{16}"), acct);
    String phone = A.maskId("+1 415 555 0199");
    assertTrue(phone.matches("phone-[0-9a-f]{16}"), phone);
    assertFalse(phone.contains("555"));
  }

  @Test
  void valuesWithoutPersonalDataStayAsTheyAre() {
    for (String id : List.of("1001", "cust-1002", "acme", "zd-42", "u-17")) assertEquals(id, A.maskId(id));
    FeedbackId plain = new FeedbackId("zendesk", "1001");
    assertEquals(plain, A.maskId(plain));
  }

  @Test
  void customersWithDifferentEmailsNoLongerCollapseIntoOne() {
    Redacted dana = A.apply(cleaned("r1", "acct+dana@acme.example", "dana@acme.example")) instanceof Outcome.Ok<Redacted> ok
        ? ok.value() : null;
    Redacted li = A.apply(cleaned("li@globex.example", "acme", "li@globex.example")) instanceof Outcome.Ok<Redacted> ok
        ? ok.value() : null;
    assertTrue(dana != null && li != null);
    assertNotEquals(dana.customerId(), li.customerId());
    assertTrue(dana.customerId().startsWith("email-") && li.customerId().startsWith("email-"));
    assertEquals(A.maskId("acct+dana@acme.example"), dana.accountId());
    assertEquals("acme", li.accountId());
    assertEquals(new FeedbackId("test", "r1"), dana.id());
    assertEquals(new FeedbackId("test", A.maskId("li@globex.example")), li.id());
    assertFalse(li.toString().contains("li@globex"), "no raw e-mail left in the redacted record");
  }

  @Test
  void aWorkspaceKeyIsCreatedOnceOwnerOnlyAndReadBack() throws IOException {
    Path file = dir.resolve("secrets").resolve("pseudonym.key");
    String first = IdPseudonyms.inFile(file).pseudonym(PiiType.EMAIL, "bob@example.com");
    byte[] stored = Files.readAllBytes(file);
    assertEquals(IdPseudonyms.KEY_BYTES, stored.length);
    assertEquals(first, IdPseudonyms.inFile(file).pseudonym(PiiType.EMAIL, "bob@example.com"));
    assertArrayEquals(stored, Files.readAllBytes(file), "read, not rewritten");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(file));
    }
    Files.delete(file);
    assertNotEquals(first, IdPseudonyms.inFile(file).pseudonym(PiiType.EMAIL, "bob@example.com"),
        "a new key means new pseudonyms");
  }

  @Test
  void aDamagedKeyFileIsRefusedWithWhatToDo() throws IOException {
    Path file = dir.resolve("pseudonym.key");
    Files.writeString(file, "short");
    IOException e = assertThrows(IOException.class, () -> IdPseudonyms.inFile(file));
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }

  private static Cleaned cleaned(String id, String account, String customer) {
    Feedback f = new Feedback(new FeedbackId("test", id), Channel.SURVEY, Instant.EPOCH,
        List.of(Turn.customer("The export is slow.")), account, customer, null, null, null, Map.of());
    return new Cleaned(f, "The export is slow.", "en", null);
  }
}
