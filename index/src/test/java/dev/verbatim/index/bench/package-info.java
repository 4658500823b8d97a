/**
 * Benchmarks of the index, run with {@code -Pbench} (see {@link dev.verbatim.index.bench.SearchBench});
 * never part of {@code mvn verify}.
 */
@NullMarked
package dev.verbatim.index.bench;

import org.jspecify.annotations.NullMarked;
