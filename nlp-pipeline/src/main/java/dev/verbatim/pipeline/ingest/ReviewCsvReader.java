package dev.verbatim.pipeline.ingest;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Channel;
import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.FeedbackId;
import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Rating;
import dev.verbatim.pipeline.RatingScale;
import dev.verbatim.pipeline.RawRecord;
import dev.verbatim.pipeline.Reason;
import dev.verbatim.pipeline.Speaker;
import dev.verbatim.pipeline.Turn;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads app-store and review-site CSV exports. Format name {@code reviews-csv}; records are channel
 * {@code review} with a {@code stars} rating (1-5), source {@code google-play} for a Google Play
 * console export, else {@code reviews}. Stateless and thread-safe; streams row by row.
 *
 * <p>Columns are found by name: Google Play's ({@code Star Rating}, {@code Review Title}, {@code
 * Review Text}, {@code Review Submit Date and Time}, {@code App Version Name}, {@code Reviewer
 * Language}, {@code Developer Reply Text}, {@code Review Link}) and common ones ({@code
 * rating/stars/score}, {@code title}, {@code body/text/review/content}, {@code date/created_at},
 * {@code author/reviewer}, {@code version}, {@code id}), case and punctuation ignored; a {@link
 * ColumnMapping} names the columns of any other layout. Columns no field uses go to meta under
 * their header.
 *
 * <p>Per row: the review text is the customer turn (the title alone when the text is empty; a
 * rating with neither is kept as a score-only review); the developer reply is an agent turn, never
 * customer text; the author is the customer id. The id is the id column, else the review link,
 * else a stable hash of (time, author, text), so re-ingesting the same export never duplicates.
 *
 * <p>Rejected rows: a rating outside 1-5 ({@link Reason#RATING_OUT_OF_SCALE}), not a number
 * ({@link Reason#BAD_FIELD}), a missing or unparseable date, neither text nor rating, bytes that
 * are not UTF-8, an over-long row. If the file has no text column (or a mapped column is absent),
 * every row is rejected with {@link Reason#MISSING_FIELD} naming the columns found and the {@code
 * --map} option: the run goes on and the report shows why nothing came through.
 */
public final class ReviewCsvReader implements FeedbackReader {
  /** The default row limit, in characters: 1 Mi. */
  public static final int DEFAULT_MAX_ROW_CHARS = 1 << 20;

  private final ColumnMapping mapping;
  private final int maxRowChars;

  /** A reader that finds columns by their built-in names. */
  public ReviewCsvReader() {
    this(ColumnMapping.none(), DEFAULT_MAX_ROW_CHARS);
  }

  /**
   * A reader with a column mapping.
   *
   * @param mapping columns for fields the built-in names do not find
   * @param maxRowChars longest accepted row, in characters
   */
  public ReviewCsvReader(ColumnMapping mapping, int maxRowChars) {
    this.mapping = requireNonNull(mapping, "mapping");
    if (maxRowChars < 1) throw new IllegalArgumentException("maxRowChars < 1");
    this.maxRowChars = maxRowChars;
  }

  @Override
  public String format() {
    return "reviews-csv";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    CsvTable.read(file, maxRowChars, new Rows(sink));
  }

  private final class Rows implements CsvTable.Handler {
    private final RecordSink sink;
    private List<String> header = List.of();
    private int id, text, title, rating, time, author, version, language, reply, replyTime, account;
    private final Set<Integer> used = new HashSet<>();
    private String source = "reviews";
    private @Nullable String headerProblem;

    Rows(RecordSink sink) {
      this.sink = sink;
    }

    @Override
    public void header(List<String> names) {
      header = names;
      ColumnMapping m = mapping;
      id = CsvTable.find(names, m, "id", "id", "reviewid", "reviewlink");
      text = CsvTable.find(names, m, "text", "reviewtext", "text", "body", "review", "content", "comment", "reviewbody");
      title = CsvTable.find(names, m, "title", "reviewtitle", "title", "headline", "subject", "summary");
      rating = CsvTable.find(names, m, "rating", "starrating", "rating", "stars", "score");
      time =
          CsvTable.find(names, m, "time", "reviewsubmitdateandtime", "date", "createdat", "time", "timestamp",
              "reviewdate", "submittedat", "created", "reviewsubmitmillissinceepoch");
      author = CsvTable.find(names, m, "author", "author", "reviewer", "reviewername", "authorname", "username", "user");
      version = CsvTable.find(names, m, "version", "appversionname", "version", "appversion");
      language = CsvTable.find(names, m, "language", "reviewerlanguage", "language", "lang", "locale");
      reply = CsvTable.find(names, m, "reply", "developerreplytext", "reply", "developerreply", "replytext", "response");
      replyTime = CsvTable.find(names, ColumnMapping.none(), "", "developerreplydateandtime", "replydate",
          "developerreplymillissinceepoch");
      account = CsvTable.find(names, m, "account", "accountid", "account");
      for (int i : new int[] {id, text, title, rating, time, author, version, language, reply, replyTime, account}) {
        if (i >= 0) used.add(i);
      }
      Set<String> normalized = new HashSet<>();
      for (String n : names) normalized.add(CsvTable.normalize(n));
      if (normalized.contains("packagename") && normalized.contains("starrating")) source = "google-play";
      headerProblem = headerProblem(names);
    }

    private @Nullable String headerProblem(List<String> names) {
      for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
        if (CsvTable.find(names, mapping, e.getKey()) < 0) {
          return "--map " + e.getKey() + "=" + e.getValue() + " names a column the file does not have;"
              + " columns found: " + names;
        }
      }
      if (text < 0) {
        return "no review text column (e.g. Review Text, text, body, review, content); columns found: "
            + names + "; name it with --map text=<column>";
      }
      if (time < 0) {
        return "no date column (e.g. Review Submit Date and Time, date, created_at); columns found: "
            + names + "; name it with --map time=<column>";
      }
      return null;
    }

    @Override
    public void reject(RawRecord raw, Reason reason, String detail) {
      sink.accept(raw, Outcome.reject(reason, detail));
    }

    @Override
    public void row(long line, List<String> values, RawRecord raw) {
      if (headerProblem != null) {
        sink.accept(raw, Outcome.reject(Reason.MISSING_FIELD, headerProblem));
        return;
      }
      sink.accept(raw, RecordProblem.attempt(raw.file(), line, () -> review(values)));
    }

    private Feedback review(List<String> v) {
      String timeText = CsvTable.cell(v, time);
      Instant when = Times.required(timeText, header.get(time));
      Rating stars = null;
      String ratingText = CsvTable.cell(v, rating);
      if (ratingText != null) stars = SurveyCsvReader.score(ratingText, RatingScale.STARS);
      String body = CsvTable.cell(v, text);
      String subject = CsvTable.cell(v, title);
      String who = CsvTable.cell(v, author);
      List<Turn> turns = new ArrayList<>(2);
      String customerText = body != null ? body : subject;
      if (customerText != null) turns.add(new Turn(Speaker.CUSTOMER, customerText, when));
      String replyText = CsvTable.cell(v, reply);
      if (replyText != null) {
        String rt = CsvTable.cell(v, replyTime);
        turns.add(new Turn(Speaker.AGENT, replyText, rt == null ? null : Times.lenient(rt)));
      }
      if (customerText == null && stars == null) {
        throw new RecordProblem(Reason.EMPTY_TEXT, "the review has no text, no title and no rating");
      }
      String recordId = CsvTable.cell(v, id);
      if (recordId == null) recordId = CsvTable.stableId(timeText, who, body, subject);
      Map<String, String> meta = new HashMap<>();
      String ver = CsvTable.cell(v, version);
      if (ver != null) meta.put("app_version", ver);
      CsvTable.putUnused(meta, header, v, used);
      return new Feedback(
          new FeedbackId(source, recordId),
          Channel.REVIEW,
          when,
          turns,
          CsvTable.cell(v, account),
          who,
          stars,
          CsvTable.cell(v, language),
          subject,
          meta);
    }
  }
}
