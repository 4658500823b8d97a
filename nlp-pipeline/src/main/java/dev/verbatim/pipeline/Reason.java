package dev.verbatim.pipeline;

/**
 * Why a record was rejected: a code a person or a script can group by. The human-readable detail
 * that says what to fix travels beside it in {@link Rejection#detail()}.
 */
public enum Reason {
  /** A required field is absent or blank. */
  MISSING_FIELD,
  /** A field has the wrong type or a value outside its vocabulary. */
  BAD_FIELD,
  /** A time that is not ISO-8601 (or the export's own documented time format). */
  BAD_TIME,
  /** A rating outside its scale, e.g. NPS 11. */
  RATING_OUT_OF_SCALE,
  /** The bytes are not valid UTF-8. */
  NOT_UTF8,
  /** A line or a text over the configured size limit. */
  TOO_LONG,
  /** A line that is not JSON, or a JSON document cut short. */
  MALFORMED_JSON,
  /** A CSV row that cannot be read (unbalanced quotes, wrong column count). */
  MALFORMED_CSV,
  /** Nothing the customer wrote is left once agent turns, quotes and markup are removed. */
  EMPTY_TEXT,
  /** A stage threw on this record: a bug in Verbatim, logged with its stack trace. */
  INTERNAL;
}
