/**
 * Measuring topics against gold labels: NMI and ARI of the most probable topic per record, NPMI
 * coherence of top terms, and {@link dev.verbatim.topics.eval.TopicEvaluation}, which runs a fit on
 * a gold file (see shared/formats/gold.md) and reports them. Stateless and thread-safe.
 */
@NullMarked
package dev.verbatim.topics.eval;

import org.jspecify.annotations.NullMarked;
