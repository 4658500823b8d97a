/**
 * Estimates from reviewer labels: accuracy (Wilson interval), macro-F1 (seeded stratified
 * bootstrap), per-class precision / recall / F1, confusion matrix, per-topic precision, and
 * agreement between reviewers (Cohen's kappa, Krippendorff's alpha, nominal). Stratified samples are
 * post-stratified: each stratum's labelled items stand for the stratum's population share. Pure
 * functions, thread-safe.
 */
@NullMarked
package dev.verbatim.validation.estimate;

import org.jspecify.annotations.NullMarked;
