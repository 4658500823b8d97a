/**
 * Sampling: reproducible draws from a population of scored records, each item with its inclusion
 * weight so estimates can be weighted back to the population. Pure functions, thread-safe.
 */
@NullMarked
package dev.verbatim.validation.sample;

import org.jspecify.annotations.NullMarked;
