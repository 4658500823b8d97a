package dev.verbatim.pipeline.redact;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Cleaned;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.PiiSpan;
import dev.verbatim.pipeline.Redacted;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.Turn;
import dev.verbatim.pipeline.clean.LineNormalizer;
import dev.verbatim.pipeline.clean.Markup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code redact} stage: masks personal data with typed placeholders ({@code [EMAIL]}, {@code
 * [PHONE]}, {@code [CARD]}, {@code [IBAN]}, {@code [SSN]}, {@code [IP]}, {@code [URL]}, {@code
 * [ADDRESS]}, {@code [PERSON]}) in the cleaned text, in every turn (agents write "Hi Dana" too), in
 * the subject and in meta values. A record id, account id or customer id that holds personal data
 * (an e-mail, a phone number) is replaced whole by a keyed pseudonym such as {@code
 * email-3f9a2c81d04b7e95} ({@link IdPseudonyms}, {@link #maskId(String)}): ids are join and update keys,
 * so the same value must map to the same id, and two customers must not merge into one {@code
 * [EMAIL]}. Ids without personal data pass unchanged.
 *
 * <p>Structured data is found by pattern and checksum ({@code PatternDetector}), names by cues and
 * a gazetteer with Stanford CoreNLP's CRF recogniser as a second opinion on capitalised word pairs
 * ({@code CueNameFinder}, {@code CrfEntities}). Overlapping hits resolve to the earliest, then the longest.
 * {@link #redact(String)} runs to a fixed point (at most {@value #MAX_PASSES} passes), and every
 * existing placeholder is protected, so redaction is idempotent: {@code redact(redact(x)) ==
 * redact(x)}. Hits never span a line break and placeholders hold none, so line {@code k} of a
 * redacted text is line {@code k} of its input, masked; {@link Cleaned.Segment}s carry over.
 *
 * <p>The unmasked text is kept nowhere unless an {@link OriginalTextStore} is given (off by
 * default); that store is separate from the index.
 *
 * <p>NOTE: thread-safe, linear in the input; build one per run.
 */
public final class PiiRedactor implements Stage<Cleaned, Redacted> {

  /** Upper bound on redaction passes; in practice the second pass finds nothing. */
  public static final int MAX_PASSES = 3;

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\[(EMAIL|PHONE|CARD|IBAN|SSN|IP|URL|ADDRESS|PERSON)\\]");

  /** On equal spans, the more specific type wins (an SSN is also shaped like a phone number). */
  private static final List<PiiType> PRIORITY =
      List.of(PiiType.URL, PiiType.EMAIL, PiiType.IBAN, PiiType.CARD, PiiType.SSN, PiiType.IP,
          PiiType.PHONE, PiiType.ADDRESS, PiiType.PERSON);

  private final CueNameFinder names;
  private final OriginalTextStore originals;
  private final IdPseudonyms ids;

  /** A redactor that keeps no original text, with id pseudonyms under a fresh random key. */
  public PiiRedactor() {
    this(OriginalTextStore.none());
  }

  /**
   * A redactor that hands each record's unmasked customer text to {@code originals} first, with id
   * pseudonyms under a fresh random key (consistent within this redactor only).
   *
   * @param originals where to keep the original text; {@link OriginalTextStore#none()} for nowhere
   */
  public PiiRedactor(OriginalTextStore originals) {
    this(originals, IdPseudonyms.random());
  }

  /**
   * A redactor that keeps original text in {@code originals} and pseudonymises ids with {@code ids}.
   *
   * @param originals where to keep the original text; {@link OriginalTextStore#none()} for nowhere
   * @param ids the pseudonyms of ids that hold personal data; a workspace's key keeps them stable across runs
   */
  public PiiRedactor(OriginalTextStore originals, IdPseudonyms ids) {
    this(originals, CueNameFinder.load(), ids);
  }

  private PiiRedactor(OriginalTextStore originals, CueNameFinder names, IdPseudonyms ids) {
    this.names = names;
    this.originals = requireNonNull(originals, "originals");
    this.ids = requireNonNull(ids, "ids");
  }

  /** This redactor (same detection, same pseudonym key) keeping original text in {@code store}. */
  public PiiRedactor withOriginals(OriginalTextStore store) {
    return new PiiRedactor(store, names, ids);
  }

  /** Cues and gazetteers only, without CoreNLP's recogniser: for measuring what the recogniser adds and costs. */
  static PiiRedactor withoutRecogniser() {
    return new PiiRedactor(OriginalTextStore.none(), CueNameFinder.withoutRecogniser(), IdPseudonyms.random());
  }

  /** Sentences handed to the named-entity recogniser so far in this JVM (all redactors), for benchmarks. */
  public static long recogniserCalls() {
    return CueNameFinder.recognised();
  }

  @Override
  public String name() {
    return "redact";
  }

  @Override
  public Outcome<Redacted> apply(Cleaned cleaned) {
    Feedback f = cleaned.feedback();
    // ids first: the original-text store is keyed like the index, by the pseudonymised id
    FeedbackId id = maskId(f.id());
    try {
      originals.keep(id, cleaned.text());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the original-text store", e);
    }
    // redact() is a pure function of its input, and a record often hands it the same string twice
    // (a customer turn that is its cleaned text, a repeated meta value): each is redacted once.
    Map<String, String> once = new HashMap<>();
    Function<String, String> redactOnce = s -> once.computeIfAbsent(s, this::redact);
    Function<String, String> maskId = v -> maskId(v, redactOnce);
    Redaction text = withSpans(redactOnce.apply(cleaned.text()));
    List<Cleaned.Segment> segments = remapSegments(cleaned.segments(), text.text());
    List<Turn> turns = new ArrayList<>(f.turns().size());
    for (Turn t : f.turns()) turns.add(new Turn(t.speaker(), redactOnce.apply(turnText(t.text())), t.time()));
    Map<String, String> meta = new LinkedHashMap<>();
    f.meta().forEach((k, v) -> meta.put(k, redactOnce.apply(v)));
    String subject =
        f.subject() == null ? null : redactOnce.apply(LineNormalizer.normalize(Markup.toPlainText(f.subject())));
    return Outcome.ok(
        new Redacted(
            id, f.channel(), f.eventTime(), nullableId(f.accountId(), maskId),
            nullableId(f.customerId(), maskId), f.rating(), subject, meta, turns, text.text(), text.spans(),
            cleaned.language(), cleaned.duplicateOf() == null ? null : maskId(cleaned.duplicateOf()), segments));
  }

  /**
   * {@code id} as it may be stored and shown: unchanged if it holds no personal data, else whole
   * replaced by its keyed pseudonym, e.g. {@code email-3f9a2c81d04b7e95} (the type of the first
   * placeholder the redactor would write). The same value always gives the same id under this
   * redactor's key, so records update and join as before; different values stay different.
   */
  public String maskId(String id) {
    return maskId(id, this::redact);
  }

  /** {@code id} with its id part masked by {@link #maskId(String)}; the source is kept. */
  public FeedbackId maskId(FeedbackId id) {
    String masked = maskId(id.id());
    return masked.equals(id.id()) ? id : new FeedbackId(id.source(), masked);
  }

  private String maskId(String id, Function<String, String> redact) {
    requireNonNull(id, "id");
    String r = redact.apply(id);
    if (r.equals(id)) return id;
    Matcher m = PLACEHOLDER.matcher(r);
    // redaction changed the value, so it wrote a placeholder
    PiiType type = m.find() ? PiiType.valueOf(m.group(1)) : PiiType.PERSON;
    return ids.pseudonym(type, id);
  }

  /** Text with personal data masked, and where the placeholders stand. */
  public record Redaction(String text, List<PiiSpan> spans) {
    public Redaction {
      requireNonNull(text, "text");
      spans = List.copyOf(spans);
    }
  }

  /** Masks {@code text} and lists every placeholder in the result (including ones already there). */
  public Redaction redactText(String text) {
    return withSpans(redact(text));
  }

  /** {@code out}, already redacted, with the placeholders in it. */
  private static Redaction withSpans(String out) {
    List<PiiSpan> spans = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(out);
    while (m.find()) spans.add(new PiiSpan(m.group(1), m.start(), m.end()));
    return new Redaction(out, spans);
  }

  /** Returns {@code text} with personal data replaced by typed placeholders. Idempotent. */
  public String redact(String text) {
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = onePass(current);
      if (next.equals(current)) return current;
      current = next;
    }
    return current;
  }

  /** The hits {@link #redact} would mask in one pass, for evaluation: type and offsets in {@code text}. */
  List<Hit> hits(String text) {
    List<Hit> found = new ArrayList<>();
    String lower = PatternDetector.lowerSameLength(text);
    PatternDetector.find(text, lower, found);
    names.find(text, lower, found);
    List<Hit> protectedSpans = new ArrayList<>();
    if (text.indexOf('[') >= 0) { // every placeholder starts with one
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) protectedSpans.add(new Hit(PiiType.valueOf(m.group(1)), m.start(), m.end(), false));
    }
    found.sort(
        Comparator.comparingInt(Hit::start)
            .thenComparingInt(h -> -(h.end() - h.start()))
            .thenComparingInt(h -> PRIORITY.indexOf(h.type())));
    List<Hit> chosen = new ArrayList<>();
    int pi = 0;
    int claimedTo = 0;
    for (Hit h : found) {
      if (h.start() < claimedTo) continue;
      while (pi < protectedSpans.size() && protectedSpans.get(pi).end() <= h.start()) pi++;
      if (pi < protectedSpans.size() && protectedSpans.get(pi).overlaps(h)) continue;
      if (text.substring(h.start(), h.end()).indexOf('\n') >= 0) continue;
      chosen.add(h);
      claimedTo = h.end();
    }
    return chosen;
  }

  private String onePass(String text) {
    List<Hit> hits = hits(text);
    if (hits.isEmpty()) return text;
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Hit h : hits) {
      if (!h.mask()) continue;
      out.append(text, at, h.start()).append(h.type().placeholder());
      at = h.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** A turn as context, before masking: plain text, each line normalised. Keeps the line count. */
  private static String turnText(String raw) {
    String[] lines = Markup.toPlainText(raw).split("\n", -1);
    StringBuilder plain = new StringBuilder(raw.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) plain.append('\n');
      plain.append(LineNormalizer.normalize(lines[i]));
    }
    return plain.toString();
  }

  private static @Nullable String nullableId(@Nullable String id, Function<String, String> mask) {
    return id == null ? null : mask.apply(id);
  }

  /** Line k of the redacted text is segment k: recompute its offsets. */
  private static List<Cleaned.Segment> remapSegments(List<Cleaned.Segment> segments, String redacted) {
    if (segments.isEmpty()) return segments;
    List<Cleaned.Segment> out = new ArrayList<>(segments.size());
    int start = 0;
    for (Cleaned.Segment s : segments) {
      int nl = redacted.indexOf('\n', start);
      int end = nl < 0 ? redacted.length() : nl;
      out.add(new Cleaned.Segment(s.turn(), s.line(), start, end));
      start = Math.min(end + 1, redacted.length());
    }
    return out;
  }
}
