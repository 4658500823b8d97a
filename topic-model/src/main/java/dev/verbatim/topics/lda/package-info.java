/**
 * The baseline: latent Dirichlet allocation fitted by collapsed Gibbs sampling on bag-of-words
 * tokens, sparse counts in primitive arrays. Trainers are stateless; models are immutable and
 * thread-safe.
 */
@NullMarked
package dev.verbatim.topics.lda;

import org.jspecify.annotations.NullMarked;
