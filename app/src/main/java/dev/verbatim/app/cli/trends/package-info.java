/** {@code verbatim trends}: one topic's time series from a workspace's index. */
@NullMarked
package dev.verbatim.app.cli.trends;

import org.jspecify.annotations.NullMarked;
