package dev.verbatim.trends.stats;

/**
 * An estimate with its 95% confidence interval and a p-value.
 *
 * @param estimate the point estimate
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 * @param pValue the two-sided p-value of the test of no effect (RR = 1, difference = 0); NaN when
 *     no test applies
 */
public record Interval(double estimate, double low, double high, double pValue) {}
