/**
 * The {@code clean} stage: from a {@link dev.verbatim.pipeline.Feedback} to the customer's own
 * words, a {@link dev.verbatim.pipeline.Cleaned}.
 *
 * <p>Consumes ingested feedback; produces customer-only text (agent and bot turns, quoted replies,
 * signatures, disclaimers and markup removed; NFC, no control characters, whitespace collapsed)
 * with its segments (turn and line of origin), its language ({@link
 * dev.verbatim.pipeline.clean.OpenNlpLanguageDetector}) and a link to the record it
 * near-duplicates ({@link dev.verbatim.pipeline.clean.MinHashDeduplicator}). Rejects, with {@link
 * dev.verbatim.pipeline.Reason#EMPTY_TEXT}, a record with no customer words and no rating.
 * Everything here is thread-safe and linear-time in the input.
 */
@NullMarked
package dev.verbatim.pipeline.clean;

import org.jspecify.annotations.NullMarked;
