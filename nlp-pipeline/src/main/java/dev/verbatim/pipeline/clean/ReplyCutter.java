package dev.verbatim.pipeline.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the lines of one customer turn that the customer wrote in it: drops quoted earlier
 * messages (reply headers such as "On Tue, 3 Mar 2026, Support wrote:" in several languages and
 * mail clients, lines starting with {@code >}, "-----Original Message-----" and Outlook header
 * blocks, forwarded messages), e-mail signatures ({@code "-- "}, "Sent from my iPhone", a sign-off
 * followed by a few short lines) and legal disclaimers.
 *
 * <p>Works line by line; every pattern is anchored and bounded, and only lines up to {@link
 * #MAX_HEADER} characters are tested against header patterns, so a megabyte line costs linear time.
 * Stateless and thread-safe.
 */
final class ReplyCutter {

  /** Header-like lines are short; longer lines are content and skip the header tests. */
  static final int MAX_HEADER = 300;

  /** Sign-off lines are short; the signature under them is at most this many lines. */
  private static final int MAX_SIGNATURE_LINES = 6;

  /** One kept line: its 0-based index in the turn's plain text and its text. */
  record Line(int index, String text) {}

  /** Ends of reply headers: "On ... wrote:" and its translations. */
  private static final Pattern REPLY_HEADER_END =
      Pattern.compile(
          "(?:(?:wrote|writes|schrieb|a écrit|escribió|escreveu|schreef|geschreven|ha scritto|"
              + "napisał|skrev|kirjoitti|написал|napsal)\\s?:|(?:schrieb|schreef)\\s.{1,200}:)\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Starts of a reply header that wraps onto two lines ("On Tue, ... Support <"). */
  private static final Pattern REPLY_HEADER_START =
      Pattern.compile("^(?:On|Am|Le|El|Em|Op|Il|W dniu|Den)\\s.{0,250}$");

  /** "-----Original Message-----" and its translations, "---- Forwarded message ----". */
  private static final Pattern BANNER =
      Pattern.compile(
          "^[-_=*]{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine|"
              + "mensaje original|mensagem original|oorspronkelijk bericht|messaggio originale|"
              + "forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|"
              + "mensagem encaminhada|doorgestuurd bericht|messaggio inoltrato|reply message)"
              + "\\s*[-_=*]{2,}\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern FORWARD_INTRO =
      Pattern.compile(
          "^(?:begin forwarded message|anfang der weitergeleiteten nachricht|"
              + "début du message réexpédié|inicio del mensaje reenviado)\\s*:?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** First line of an Outlook header block: "From: ...", "Von: ...", "De : ...". */
  private static final Pattern OUTLOOK_FROM =
      Pattern.compile("^\\*?(?:From|Von|De|Van|Da|Från|Od)\\s?:\\*?\\s.{1,250}$", Pattern.CASE_INSENSITIVE);

  /** Later lines of an Outlook header block. */
  private static final Pattern OUTLOOK_FIELD =
      Pattern.compile(
          "^\\*?(?:Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoyé|Date|À|Objet|"
              + "Enviado|Fecha|Para|Asunto|Assunto|Verzonden|Aan|Onderwerp|Inviato|Oggetto|A)"
              + "\\s?:\\*?(?:\\s.{0,250})?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Mobile and client footers. */
  private static final Pattern SENT_FROM =
      Pattern.compile(
          "^(?:sent from my|sent from (?:outlook|yahoo|mail|gmail)|get outlook for|"
              + "sent via|sent with|enviado desde mi|enviado do meu|envoyé de mon|envoyé depuis|"
              + "von meinem|verzonden (?:vanaf|met) mijn|inviato da)\\b.{0,80}$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line that is only a closing: the signature starts here if short lines follow. */
  private static final Pattern SIGN_OFF =
      Pattern.compile(
          "^(?:thanks|thank you|thanks again|many thanks|thx|best|best regards|kind regards|"
              + "warm regards|regards|cheers|sincerely|yours sincerely|yours truly|all the best|"
              + "br|saludos|un saludo|atentamente|gracias|cordialement|bien à vous|merci|"
              + "bien cordialement|viele grüße|mit freundlichen grüßen|beste grüße|lg|vg|mfg|"
              + "danke|groeten|met vriendelijke groet|hartelijke groet|bedankt|atenciosamente|"
              + "abraços|obrigado|obrigada|cumprimentos|cordiali saluti|grazie)"
              + "\\s*[,.!]*\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Legal disclaimers and footers: everything from here on is boilerplate. */
  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "^(?:confidentiality notice|disclaimer|this (?:e-?mail|message|communication)"
              + "(?: and any (?:attachments?|files)| \\(including any attachments\\))?"
              + "(?: transmitted with it)? (?:is|are|contains?|may contain) (?:confidential|"
              + "intended|privileged)|the information (?:contained )?in this (?:e-?mail|message)|"
              + "please consider the environment before printing|diese e-?mail (?:enthält|ist) "
              + "vertraulich|ce (?:message|courriel) et (?:toutes )?les pièces jointes|"
              + "este (?:mensaje|correo)(?: electrónico)? (?:y sus anexos )?(?:es|contiene|puede "
              + "contener) (?:confidencial|información)|esta mensagem (?:é|pode conter) "
              + "(?:confidencial|informação)|dit bericht is (?:vertrouwelijk|uitsluitend))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ReplyCutter() {}

  /** Returns the customer's own lines of {@code plain}, in order, not yet normalised. */
  static List<Line> keep(String plain) {
    String[] lines = plain.split("\n", -1);
    int end = lines.length;
    boolean[] drop = new boolean[lines.length];

    for (int i = 0; i < end; i++) {
      String t = lines[i].strip();
      if (t.isEmpty()) continue;
      if (t.charAt(0) == '>' || t.startsWith("&gt;")) {
        drop[i] = true;
        continue;
      }
      if (t.length() > MAX_HEADER) continue;
      String lower = t.toLowerCase(Locale.ROOT);

      if (REPLY_HEADER_END.matcher(t).find() && isReplyHeader(lines, i)) {
        int start = i;
        if (!startsReplyHeader(t) && i > 0 && REPLY_HEADER_START.matcher(lines[i - 1].strip()).matches()) {
          start = i - 1;
        }
        if (nextNonEmptyIsQuoted(lines, i + 1)) {
          // Gmail style: the quote is ">"-prefixed, so text after it may be a bottom-posted answer.
          for (int k = start; k <= i; k++) drop[k] = true;
          continue;
        }
        end = start;
        break;
      }
      if (BANNER.matcher(t).matches() || FORWARD_INTRO.matcher(t).matches()) {
        end = i;
        break;
      }
      if (OUTLOOK_FROM.matcher(t).matches() && outlookBlockFollows(lines, i + 1)) {
        end = i;
        break;
      }
      if (t.equals("--") || t.equals("__") || t.equals("—") || lines[i].equals("-- ")) {
        end = i;
        break;
      }
      if (SENT_FROM.matcher(lower).matches()) {
        end = i;
        break;
      }
      if (DISCLAIMER.matcher(lower).lookingAt()) {
        end = i;
        break;
      }
    }
    // Second pass, within what is left: a sign-off followed only by a few short lines.
    for (int i = 0; i < end; i++) {
      String t = lines[i].strip();
      if (!drop[i] && t.length() <= 40 && SIGN_OFF.matcher(t).matches()
          && signatureFollows(lines, drop, i + 1, end)) {
        end = i;
        break;
      }
    }

    List<Line> kept = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (!drop[i] && !lines[i].isBlank()) kept.add(new Line(i, lines[i]));
    }
    return kept;
  }

  private static boolean startsReplyHeader(String t) {
    return REPLY_HEADER_START.matcher(t).matches();
  }

  /** "wrote:" alone could end a sentence; a header starts with On/Am/Le... or names a sender. */
  private static boolean isReplyHeader(String[] lines, int i) {
    String t = lines[i].strip();
    if (startsReplyHeader(t) || t.contains("@") || t.contains("<")) return true;
    return i > 0 && REPLY_HEADER_START.matcher(lines[i - 1].strip()).matches();
  }

  private static boolean nextNonEmptyIsQuoted(String[] lines, int from) {
    for (int k = from; k < lines.length; k++) {
      String t = lines[k].strip();
      if (!t.isEmpty()) return t.charAt(0) == '>';
    }
    return false;
  }

  /** At least two header fields (Sent:, To:, Subject:...) within the next four lines. */
  private static boolean outlookBlockFollows(String[] lines, int from) {
    int fields = 0;
    for (int k = from; k < lines.length && k < from + 4; k++) {
      String t = lines[k].strip();
      if (t.length() <= MAX_HEADER && OUTLOOK_FIELD.matcher(t).matches()) fields++;
    }
    return fields >= 2;
  }

  /** 1 to 6 short non-empty lines, then the end of the turn. */
  private static boolean signatureFollows(String[] lines, boolean[] drop, int from, int end) {
    int count = 0;
    for (int k = from; k < end; k++) {
      String t = lines[k].strip();
      if (t.isEmpty() || drop[k]) continue;
      if (t.length() > 80 || ++count > MAX_SIGNATURE_LINES) return false;
    }
    return count >= 1;
  }
}
