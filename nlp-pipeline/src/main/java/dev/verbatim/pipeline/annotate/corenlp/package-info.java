/**
 * Stanford CoreNLP behind the {@link dev.verbatim.pipeline.annotate.SentimentScorer} seam: the only
 * package that sees CoreNLP types. Its models (the {@code models} and {@code models-english}
 * classifier jars, ~920 MB) must be on the runtime class path; the scorer checks at construction.
 */
@NullMarked
package dev.verbatim.pipeline.annotate.corenlp;

import org.jspecify.annotations.NullMarked;
