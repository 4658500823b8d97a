/**
 * Trends over indexed feedback: topic time series by event time, emerging friction, association of
 * topics with churn and expansion, impact on survey scores, and the friction report.
 *
 * <p>Facts come through one seam, {@link dev.verbatim.trends.TrendSource}: {@link
 * dev.verbatim.trends.IndexTrendSource} reads the Lucene index's doc values, {@link
 * dev.verbatim.trends.InMemoryTrendSource} a list (tests, benchmarks). One pass over the facts
 * builds a {@link dev.verbatim.trends.FactTable}; every analysis reads that table, so a report over
 * a million records costs one scan. Accounts and outcomes are plain lists (the app reads them from
 * the workspace). Near-duplicates count once: the flagged copy is skipped.
 *
 * <p>Entry points: {@link dev.verbatim.trends.Trends} (series, alerts, associations) and {@link
 * dev.verbatim.trends.report.FrictionAnalysis} (the report). Statistics: {@code stats}.
 */
@NullMarked
package dev.verbatim.trends;

import org.jspecify.annotations.NullMarked;
