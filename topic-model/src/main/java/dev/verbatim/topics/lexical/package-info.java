/**
 * Fast inference without an encoder: a multinomial naive Bayes model over terms, trained on the
 * topic assignments of a fitted model, for daily runs that must keep the pipeline's rate (tens of
 * thousands of records/s). Immutable and thread-safe.
 */
@NullMarked
package dev.verbatim.topics.lexical;

import org.jspecify.annotations.NullMarked;
