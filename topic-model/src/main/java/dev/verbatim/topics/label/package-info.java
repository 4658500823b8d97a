/**
 * Topic naming: class-based TF-IDF (each topic's documents as one class) over single terms (top
 * terms) and over multi-word phrases (labels). Stateless and thread-safe.
 */
@NullMarked
package dev.verbatim.topics.label;

import org.jspecify.annotations.NullMarked;
