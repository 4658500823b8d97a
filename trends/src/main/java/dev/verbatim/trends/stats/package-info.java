/**
 * The statistics behind trends and the friction report: relative risks (crude with Katz
 * interval, Mantel-Haenszel stratified with the Greenland-Robins interval and the
 * Cochran-Mantel-Haenszel test), Benjamini-Hochberg q-values, the conditional test of two Poisson
 * rates, and survey scores (NPS, CSAT, CES) with intervals.
 *
 * <p>Distributions and the exact tests come from Apache Commons Statistics; only the algebra of
 * the estimators is written here, each checked against hand-computed examples. Everything is a
 * pure function of counts: thread-safe, no state.
 */
@NullMarked
package dev.verbatim.trends.stats;

import org.jspecify.annotations.NullMarked;
