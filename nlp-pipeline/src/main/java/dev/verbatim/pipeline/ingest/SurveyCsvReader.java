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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads NPS, CSAT and CES survey exports. Format name {@code survey-csv}; records are channel
 * {@code survey}, source {@code survey}. Stateless and thread-safe; streams row by row.
 *
 * <p>Columns are found by name ({@code response_id}, {@code submitted_at}, {@code survey}, {@code
 * score}, {@code comment}, {@code respondent_email}, {@code account_id} and common aliases such as
 * {@code id}, {@code date}, {@code rating}, {@code nps}, {@code feedback}, {@code email}, {@code
 * account}), or named by a {@link ColumnMapping}. Other columns go to meta.
 *
 * <p>The scale is the one given to the constructor; else the row's {@code survey} cell if it names
 * NPS, CSAT or CES (e.g. "NPS Q1"); else a header that names one (e.g. {@code csat_score}); else
 * NPS. A score outside the scale is rejected ({@link Reason#RATING_OUT_OF_SCALE}). A score with an
 * empty comment is kept as a score-only record (no turns: its score counts, nothing is analysed).
 * The respondent's e-mail becomes the customer id (redaction masks it later). The id is the
 * response id, else a stable hash of (time, respondent, comment, score).
 *
 * <p>If the file has neither a comment nor a score column, or no date column, every row is
 * rejected with {@link Reason#MISSING_FIELD} naming the columns found and the {@code --map} option.
 */
public final class SurveyCsvReader implements FeedbackReader {
  private final ColumnMapping mapping;
  private final @Nullable RatingScale scale;
  private final int maxRowChars;

  /** A reader that finds columns by name and detects the scale. */
  public SurveyCsvReader() {
    this(ColumnMapping.none(), null, ReviewCsvReader.DEFAULT_MAX_ROW_CHARS);
  }

  /**
   * A reader with a column mapping and, optionally, a fixed scale.
   *
   * @param mapping columns for fields the built-in names do not find
   * @param scale the scale of every score, or null to detect it
   * @param maxRowChars longest accepted row, in characters
   */
  public SurveyCsvReader(ColumnMapping mapping, @Nullable RatingScale scale, int maxRowChars) {
    this.mapping = requireNonNull(mapping, "mapping");
    this.scale = scale;
    if (maxRowChars < 1) throw new IllegalArgumentException("maxRowChars < 1");
    this.maxRowChars = maxRowChars;
  }

  @Override
  public String format() {
    return "survey-csv";
  }

  @Override
  public void read(SourceFile file, RecordSink sink) throws IOException {
    CsvTable.read(file, maxRowChars, new Rows(sink));
  }

  /** A score on {@code scale}: BAD_FIELD if not a number, RATING_OUT_OF_SCALE if off the scale. */
  static Rating score(String text, RatingScale scale) {
    String t = text.strip();
    if (!JsonlFeedbackReader.isNumber(t)) {
      throw new RecordProblem(
          Reason.BAD_FIELD,
          "score " + Times.quote(t) + " is not a number on the " + scale.wireName() + " scale "
              + scale.min() + "-" + scale.max());
    }
    return JsonlFeedbackReader.ratingOn(Double.parseDouble(t), scale);
  }

  /** The scale a text names as a word (NPS, CSAT, CES), if any. */
  static @Nullable RatingScale named(String text) {
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (word.startsWith("nps")) return RatingScale.NPS;
      if (word.startsWith("csat")) return RatingScale.CSAT;
      if (word.equals("ces") || word.equals("cesscore")) return RatingScale.CES;
    }
    return null;
  }

  private final class Rows implements CsvTable.Handler {
    private final RecordSink sink;
    private List<String> header = List.of();
    private int id, time, survey, score, comment, customer, account, language;
    private final Set<Integer> used = new HashSet<>();
    private RatingScale fileScale = RatingScale.NPS;
    private @Nullable String headerProblem;

    Rows(RecordSink sink) {
      this.sink = sink;
    }

    @Override
    public void header(List<String> names) {
      header = names;
      ColumnMapping m = mapping;
      id = CsvTable.find(names, m, "id", "responseid", "id", "surveyresponseid", "submissionid");
      time =
          CsvTable.find(names, m, "time", "submittedat", "date", "createdat", "time", "timestamp", "submitted",
              "responsedate", "completedat", "enddate");
      survey = CsvTable.find(names, m, "survey", "survey", "surveyname", "surveytype", "type", "question");
      score =
          CsvTable.find(names, m, "rating", "score", "rating", "nps", "csat", "ces", "npsscore", "csatscore",
              "cesscore", "value");
      comment =
          CsvTable.find(names, m, "text", "comment", "comments", "text", "feedback", "verbatim", "reason",
              "answer", "body");
      customer =
          CsvTable.find(names, m, "customer", "respondentemail", "email", "respondent", "customerid", "userid",
              "user", "customer");
      account = CsvTable.find(names, m, "account", "accountid", "account", "companyid", "company");
      language = CsvTable.find(names, m, "language", "language", "lang", "locale");
      for (int i : new int[] {id, time, survey, score, comment, customer, account, language}) {
        if (i >= 0) used.add(i);
      }
      for (String n : names) {
        RatingScale s = named(n);
        if (s != null) {
          fileScale = s;
          break;
        }
      }
      headerProblem = null;
      for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
        if (CsvTable.find(names, mapping, e.getKey()) < 0) {
          headerProblem = "--map " + e.getKey() + "=" + e.getValue()
              + " names a column the file does not have; columns found: " + names;
          return;
        }
      }
      if (comment < 0 && score < 0) {
        headerProblem = "no comment and no score column (e.g. comment, feedback; score, rating);"
            + " columns found: " + names + "; name them with --map text=<column>,rating=<column>";
      } else if (time < 0) {
        headerProblem = "no date column (e.g. submitted_at, date, created_at); columns found: " + names
            + "; name it with --map time=<column>";
      }
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
      sink.accept(raw, RecordProblem.attempt(raw.file(), line, () -> response(values)));
    }

    private Feedback response(List<String> v) {
      String timeText = CsvTable.cell(v, time);
      Instant when = Times.required(timeText, header.get(time));
      String surveyName = CsvTable.cell(v, survey);
      RatingScale rowScale = scale;
      if (rowScale == null && surveyName != null) rowScale = named(surveyName);
      if (rowScale == null) rowScale = fileScale;
      String scoreText = CsvTable.cell(v, score);
      Rating rating = scoreText == null ? null : score(scoreText, rowScale);
      String text = CsvTable.cell(v, comment);
      if (text == null && rating == null) {
        throw new RecordProblem(Reason.EMPTY_TEXT, "the response has neither a comment nor a score");
      }
      String who = CsvTable.cell(v, customer);
      String recordId = CsvTable.cell(v, id);
      if (recordId == null) recordId = CsvTable.stableId(timeText, who, text, scoreText);
      Map<String, String> meta = new HashMap<>();
      if (surveyName != null) meta.put("survey", surveyName);
      CsvTable.putUnused(meta, header, v, used);
      return new Feedback(
          // e.g. "nps-survey", as in shared/formats/feedback.md
          new FeedbackId(rowScale.wireName() + "-survey", recordId),
          Channel.SURVEY,
          when,
          text == null ? List.of() : List.of(new Turn(Speaker.CUSTOMER, text, when)),
          CsvTable.cell(v, account),
          who,
          rating,
          CsvTable.cell(v, language),
          null,
          meta);
    }
  }
}
