/**
 * The annotate stage: consumes {@link dev.verbatim.pipeline.Redacted} records, produces {@link
 * dev.verbatim.pipeline.annotate.Annotated} ones (sentences, tokens and lemmas, then sentence and
 * document sentiment), rejects nothing (empty text is neutral). Everything here is thread-safe:
 * build each part once and share it across the runner's workers.
 *
 * <p><b>Split once.</b> {@link dev.verbatim.pipeline.annotate.RuleBasedAnnotator} splits and
 * tokenises each record once ({@link dev.verbatim.pipeline.annotate.AnnotatedText}); the scorer
 * and the topic stage reuse that split. Redaction placeholders ({@code [EMAIL]}) are their own
 * token kind and carry no sentiment.
 *
 * <p><b>Scorers</b> behind {@link dev.verbatim.pipeline.annotate.SentimentScorer}:
 *
 * <ul>
 *   <li>{@code fast}, the default: {@link
 *       dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer}, VADER's lexicon with
 *       Verbatim's rules and words distilled from CoreNLP's own model. Chosen as default because
 *       on five of the six dev gold files (airline tweets, product reviews, tweets, IMDb and Yelp
 *       sentences) it beats CoreNLP and VADER at hundreds of times CoreNLP's speed; it loses to
 *       CoreNLP on Rotten Tomatoes snippets (vader-movies), the text CoreNLP's model learnt from.
 *   <li>{@code corenlp}: {@link dev.verbatim.pipeline.annotate.corenlp.CoreNlpSentimentScorer},
 *       Stanford's RNTN over the shift-reduce parser; its class doc states how five sentence
 *       classes become a document label, score and confidence.
 *   <li>{@code cascade}: {@link dev.verbatim.pipeline.annotate.CascadeSentimentScorer}, the fast
 *       scorer where it is confident, CoreNLP for the rest; it counts the share handed over.
 * </ul>
 *
 * <p><b>Confidence</b> is a {@link dev.verbatim.pipeline.annotate.PlattCalibration} of the fast
 * scorer's margin (a hand-set prior ships); it can be refit on agreement with CoreNLP over
 * unlabelled text of the corpus being processed ({@code LexiconSentimentScorer.calibratedAgainst})
 * or on the writers' own ratings ({@code corenlp.CalibrationFitter}), never on gold labels. Both
 * fits measured a higher ECE on the dev gold files than the prior, so the prior ships.
 * CoreNLP's confidence is its own softmax probability. {@link
 * dev.verbatim.pipeline.annotate.SentimentEval} reports expected calibration error.
 */
@NullMarked
package dev.verbatim.pipeline.annotate;

import org.jspecify.annotations.NullMarked;
