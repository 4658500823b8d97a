/**
 * {@code verbatim topics fit|show|rename|merge|split|seed}: the analyst's view of a workspace's
 * topics. Edits go to the versioned taxonomy file in {@code <workspace>/topics/} and survive
 * refits; edits that change topic ids re-tag the index.
 */
@NullMarked
package dev.verbatim.app.cli.topics;

import org.jspecify.annotations.NullMarked;
