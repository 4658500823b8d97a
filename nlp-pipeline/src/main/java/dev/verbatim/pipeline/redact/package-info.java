/**
 * The {@code redact} stage: from a {@link dev.verbatim.pipeline.Cleaned} to a {@link
 * dev.verbatim.pipeline.Redacted}, the only form later stages, the index, reports and screens see.
 *
 * <p>Consumes cleaned records; produces text with personal data replaced by typed placeholders and
 * the list of placeholder spans (never the original values); rejects nothing. The original text is
 * kept only through an explicit {@link dev.verbatim.pipeline.redact.OriginalTextStore}. Everything
 * here is thread-safe and linear-time in the input.
 */
@NullMarked
package dev.verbatim.pipeline.redact;

import org.jspecify.annotations.NullMarked;
