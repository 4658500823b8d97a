/**
 * The fast sentiment scorer: a lexicon (VADER's, plus Verbatim's customer-service cues) with
 * rules for negation scope, intensifiers and dampeners, contrast, emphasis, emoji, emoticons and
 * cheap sarcasm markers. No training; thread-safe; tens of thousands of documents per second per
 * core.
 */
@NullMarked
package dev.verbatim.pipeline.annotate.lexicon;

import org.jspecify.annotations.NullMarked;
