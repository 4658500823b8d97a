package dev.verbatim.validation.estimate;

/**
 * Scores of one sentiment label.
 *
 * @param precision share of the machine's predictions of it that reviewers confirmed
 * @param recall share of reviewer-labelled cases the machine found
 * @param f1 harmonic mean of both
 * @param support (weighted) reviewer-labelled cases
 */
public record ClassScores(double precision, double recall, double f1, double support) {}
