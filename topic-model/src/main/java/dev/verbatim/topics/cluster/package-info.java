/**
 * The default topic method: sentence embeddings, document vectors as their length-weighted mean,
 * spherical k-means (k-means++ seeding, restarts, cosine) to discover topics, nearest centroid for
 * each sentence and document, class-based TF-IDF labels. Trainers are stateless; models are
 * immutable and thread-safe.
 */
@NullMarked
package dev.verbatim.topics.cluster;

import org.jspecify.annotations.NullMarked;
