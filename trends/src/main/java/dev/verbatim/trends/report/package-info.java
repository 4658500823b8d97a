/**
 * The friction report for product teams: {@link dev.verbatim.trends.report.FrictionAnalysis} turns
 * facts, accounts and outcomes into a {@link dev.verbatim.trends.report.FrictionReport}, which
 * {@link dev.verbatim.trends.report.HtmlReport} (self-contained, inline CSS and SVG, printable,
 * every customer string escaped), {@link dev.verbatim.trends.report.JsonReport} and {@link
 * dev.verbatim.trends.report.CsvReport} write. Every number carries the search query behind it.
 */
@NullMarked
package dev.verbatim.trends.report;

import org.jspecify.annotations.NullMarked;
