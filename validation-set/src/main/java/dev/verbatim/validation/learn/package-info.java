/**
 * Learning from reviewer labels: a sentiment model trained (or recalibrated) on labels, and the
 * before / after evaluation on labels held out from training. Models are plain JSON files with a
 * format header; trained in memory, saved only where the caller says (never from gold data).
 */
@NullMarked
package dev.verbatim.validation.learn;

import org.jspecify.annotations.NullMarked;
