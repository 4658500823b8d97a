/**
 * Keeping topic ids stable across refits: match the new model's topics to the old one's with an
 * optimal assignment (Hungarian algorithm) on centroid or top-term similarity, carry matched ids
 * and analysts' labels over, and report new, vanished, merged and split topics. Stateless.
 */
@NullMarked
package dev.verbatim.topics.align;

import org.jspecify.annotations.NullMarked;
