package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyCutterTest {

  /** Kept lines joined by "|"; "\n" in the table is a line break. */
  private static String keep(String in) {
    return ReplyCutter.keep(in.replace("\\n", "\n")).stream()
        .map(l -> l.text().strip())
        .collect(Collectors.joining("|"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    // Gmail-style header, wrapped over two lines, quote with ">"
    "Got it, thanks.\\n\\nOn Tue, Mar 3, 2026 at 7:55 AM Support <support@example.com> wrote:\\n> Hi Dana, sorry # Got it, thanks.",
    "Fine now.\\nOn Tue, 3 Mar 2026, Support <\\nsupport@example.com> wrote:\\n> old text # Fine now.",
    "Still broken.\\nOn Tue, 3 Mar 2026 at 10:00, Support wrote:\\nHi, did you try again? # Still broken.",
    // bottom posting below a '>' quote is kept
    "On Mon, Sam wrote:\\n> did it work?\\nNo, it did not. # No, it did not.",
    // other languages and clients
    "Geht nicht.\\nAm 03.03.2026 um 07:55 schrieb Support <s@example.com>:\\n> Hallo # Geht nicht.",
    "Toujours pas.\\nLe mar. 3 mars 2026 à 07:55, Support <s@example.com> a écrit :\\n> Bonjour # Toujours pas.",
    "Sigue igual.\\nEl mar, 3 mar 2026 a las 7:55, Soporte (<s@example.com>) escribió:\\n> Hola # Sigue igual.",
    "Nada mudou.\\nEm ter., 3 de mar. de 2026 às 07:55, Suporte <s@example.com> escreveu:\\n> Olá # Nada mudou.",
    "Werkt niet.\\nOp di 3 mrt 2026 om 07:55 schreef Support <s@example.com>:\\n> Hoi # Werkt niet.",
    "No luck.\\n-----Original Message-----\\nFrom: Support\\nSent: Tuesday\\nHi # No luck.",
    "Nope.\\n\\nFrom: Support <s@example.com>\\nSent: Tuesday, March 3, 2026 7:55 AM\\nTo: Dana\\nSubject: RE: refund\\nHi # Nope.",
    "FYI see below\\n---------- Forwarded message ---------\\nFrom: Bank\\nYour statement # FYI see below",
    "Look at this\\nBegin forwarded message:\\nFrom: Bank # Look at this",
    "> quoted only\\n> more quote # ",
    "I wrote: the app is slow # I wrote: the app is slow",
  })
  void cutsQuotedMessages(String in, String out) {
    assertEquals(out == null ? "" : out.strip(), keep(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "Please refund one.\\n\\nThanks,\\nDana Whitfield\\nHead of Ops, Acme Logistics\\n+1 415 555 0199 # Please refund one.",
    "App crashes.\\n-- \\nDana\\nAcme # App crashes.",
    "App crashes.\\n--\\nDana # App crashes.",
    "Fix it please\\n\\nSent from my iPhone # Fix it please",
    "Arregladlo\\nEnviado desde mi iPhone # Arregladlo",
    "Bitte beheben\\nVon meinem iPhone gesendet # Bitte beheben",
    "Broken again.\\nBest regards,\\nJo # Broken again.",
    "Merci de corriger.\\nCordialement,\\nPierre Martin\\nDirecteur # Merci de corriger.",
    "Works now.\\nThanks! # Works now.|Thanks!",
    "Thanks, that fixed it! # Thanks, that fixed it!",
    "Refund please.\\nCONFIDENTIALITY NOTICE: This e-mail is for the addressee only. # Refund please.",
    "Refund please.\\nThis email and any attachments are confidential and intended solely for the addressee. # Refund please.",
    "Slow app.\\nPlease consider the environment before printing this email. # Slow app.",
  })
  void cutsSignaturesAndDisclaimers(String in, String out) {
    assertEquals(out.strip(), keep(in));
  }
}
