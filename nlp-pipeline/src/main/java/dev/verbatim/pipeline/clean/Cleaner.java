package dev.verbatim.pipeline.clean;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.Turn;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code clean} stage: keeps the customer's own words and tells their language and whether
 * they copy an earlier record.
 *
 * <p>For each customer turn (agent and bot turns stay in the {@link Feedback} for context but
 * never reach {@link Cleaned#text()}): markup is removed ({@link Markup}), quoted earlier messages,
 * signatures and disclaimers are cut ({@link ReplyCutter}), and each kept line is normalised
 * ({@link LineNormalizer}: NFC, no control characters, whitespace collapsed). Kept lines are
 * joined by {@code \n}; each becomes a {@link Cleaned.Segment} naming its turn and line, so a hit
 * can be shown in its turn. The language is the one the source states, if it is a valid BCP-47
 * tag, else detected. Near-duplicates are linked by the {@link MinHashDeduplicator}.
 *
 * <p>Rejects with {@link Reason#EMPTY_TEXT} a record with no customer words left, unless it carries
 * a rating: a score-only record (a survey answer without comment) passes with empty text, so its
 * score still counts.
 *
 * <p>NOTE: thread-safe and linear in the input length; share one instance per run (the language
 * model and the duplicate index are shared state).
 */
public final class Cleaner implements Stage<Feedback, Cleaned> {

  private final LanguageDetector languages;
  private final @Nullable MinHashDeduplicator duplicates;

  /**
   * A cleaner.
   *
   * @param languages detects the language when the source states none
   * @param duplicates links near-duplicates; {@code null} to skip duplicate detection
   */
  public Cleaner(LanguageDetector languages, @Nullable MinHashDeduplicator duplicates) {
    this.languages = requireNonNull(languages, "languages");
    this.duplicates = duplicates;
  }

  /** A cleaner with OpenNLP language detection and a default-sized duplicate index. */
  public static Cleaner withDefaults() {
    return new Cleaner(OpenNlpLanguageDetector.fromClasspath(), new MinHashDeduplicator());
  }

  /**
   * Records already passed on that turned out to copy a record cleaned after them (copy to
   * original; see {@link MinHashDeduplicator#lateLinks()}): the caller relinks what it wrote.
   */
  public Map<FeedbackId, FeedbackId> lateDuplicates() {
    return duplicates == null ? Map.of() : duplicates.lateLinks();
  }

  @Override
  public String name() {
    return "clean";
  }

  @Override
  public Outcome<Cleaned> apply(Feedback feedback) {
    StringBuilder text = new StringBuilder();
    List<Cleaned.Segment> segments = new ArrayList<>();
    List<Turn> turns = feedback.turns();
    int customerTurns = 0;
    for (int t = 0; t < turns.size(); t++) {
      Turn turn = turns.get(t);
      if (turn.speaker() != Speaker.CUSTOMER) continue;
      customerTurns++;
      for (ReplyCutter.Line line : ReplyCutter.keep(Markup.toPlainText(turn.text()))) {
        String normal = LineNormalizer.normalize(line.text());
        if (normal.isEmpty()) continue;
        if (!text.isEmpty()) text.append('\n');
        int start = text.length();
        text.append(normal);
        segments.add(new Cleaned.Segment(t, line.index(), start, text.length()));
      }
    }
    String cleaned = text.toString();
    String stated = statedLanguage(feedback.language());
    if (cleaned.isEmpty()) {
      if (feedback.rating() != null) {
        return Outcome.ok(
            new Cleaned(feedback, "", stated != null ? stated : LanguageDetector.UNDETERMINED, null, List.of()));
      }
      return Outcome.reject(
          Reason.EMPTY_TEXT,
          customerTurns == 0
              ? "no customer turn and no rating: only agent or bot text, nothing the customer wrote"
              : "nothing left of " + customerTurns + " customer turn(s) once markup, quoted replies, "
                  + "signatures and blank lines are removed");
    }
    String language = stated != null ? stated : languages.detect(cleaned);
    FeedbackId original =
        duplicates == null
            ? null
            : duplicates.register(feedback.id(), feedback.eventTime(), author(feedback), cleaned).orElse(null);
    return Outcome.ok(new Cleaned(feedback, cleaned, language, original, segments));
  }

  /** Who wrote the record, for the near-duplicate rule: the customer if known, else the account, else null. */
  static @Nullable String author(Feedback feedback) {
    if (feedback.customerId() != null && !feedback.customerId().isBlank()) return "customer:" + feedback.customerId();
    if (feedback.accountId() != null && !feedback.accountId().isBlank()) return "account:" + feedback.accountId();
    return null;
  }

  /** The source's language as a canonical BCP-47 tag, or null if absent or not a valid tag. */
  static @Nullable String statedLanguage(@Nullable String tag) {
    if (tag == null || tag.isBlank()) return null;
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
      String canonical = locale.toLanguageTag();
      return canonical.equals("und") || canonical.isEmpty() ? null : canonical;
    } catch (IllformedLocaleException e) {
      return null;
    }
  }
}
