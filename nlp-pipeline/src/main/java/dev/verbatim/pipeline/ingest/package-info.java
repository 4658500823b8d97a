/**
 * Ingest: adapters that turn exports (canonical JSONL, help-desk tickets, chat transcripts, review
 * and survey CSVs) into {@link dev.verbatim.pipeline.Feedback} records.
 *
 * <p>Consumes files; produces one {@link dev.verbatim.pipeline.Outcome} per record, each with its
 * {@link dev.verbatim.pipeline.RawRecord}; rejects what breaks the feedback contract (missing field,
 * bad time, rating out of scale, not UTF-8, too long, malformed JSON or CSV) with a reason that
 * says what to fix. Readers stream: memory does not grow with the number of records. Readers are
 * stateless and thread-safe; one {@code read} call handles one file.
 *
 * <p>The readers, by {@code --format} name:
 *
 * <ul>
 *   <li>{@code jsonl}: {@link dev.verbatim.pipeline.ingest.JsonlFeedbackReader}, the canonical
 *       record of {@code shared/formats/feedback.md};
 *   <li>{@code chat-jsonl}: {@link dev.verbatim.pipeline.ingest.ChatTurnsJsonlReader}, one chat
 *       turn per line, grouped by conversation;
 *   <li>{@code zendesk}: {@link dev.verbatim.pipeline.ingest.ZendeskTicketsReader}, tickets with
 *       comments and side-loaded users and organizations;
 *   <li>{@code intercom}: {@link dev.verbatim.pipeline.ingest.IntercomConversationsReader},
 *       conversations with parts;
 *   <li>{@code reviews-csv}: {@link dev.verbatim.pipeline.ingest.ReviewCsvReader}, app-store and
 *       review-site CSVs, with a {@link dev.verbatim.pipeline.ingest.ColumnMapping};
 *   <li>{@code survey-csv}: {@link dev.verbatim.pipeline.ingest.SurveyCsvReader}, NPS / CSAT / CES.
 * </ul>
 *
 * <p>{@link dev.verbatim.pipeline.ingest.FeedbackFormats} holds them by name and detects a file's
 * format. {@link dev.verbatim.pipeline.ingest.AccountsReader} reads the accounts and outcomes files
 * ({@code shared/formats/accounts-outcomes.md}) into {@link dev.verbatim.pipeline.ingest.Account}
 * and {@link dev.verbatim.pipeline.ingest.AccountOutcome} through a {@link
 * dev.verbatim.pipeline.ingest.RowSink}, with the same rejections.
 *
 * <p>Where a file stops being readable as a whole (a JSON export cut short, a CSV quote never
 * closed), the records before the break are kept and the rest of the file is one rejection with the
 * line where it broke. Customer text is never logged.
 */
@NullMarked
package dev.verbatim.pipeline.ingest;

import org.jspecify.annotations.NullMarked;
