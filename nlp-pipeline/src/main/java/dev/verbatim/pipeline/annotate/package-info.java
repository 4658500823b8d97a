/**
 * The annotate stage: sentences, tokens and lemmas ({@link dev.verbatim.pipeline.annotate.Annotator},
 * once per record), then sentence and document sentiment behind one seam, {@link
 * dev.verbatim.pipeline.annotate.SentimentScorer}.
 *
 * <p>Scorers: {@code lexicon} ({@link dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer},
 * fast, the default), {@code corenlp} ({@link
 * dev.verbatim.pipeline.annotate.corenlp.CoreNlpSentimentScorer}, Stanford's RNTN over the
 * shift-reduce parser) and {@code cascade} ({@link
 * dev.verbatim.pipeline.annotate.CascadeSentimentScorer}). Everything here is thread-safe. {@link
 * dev.verbatim.pipeline.annotate.SentimentEval} measures a scorer on a gold file.
 */
@NullMarked
package dev.verbatim.pipeline.annotate;

import org.jspecify.annotations.NullMarked;
