/**
 * The {@code verbatim} command line (picocli): one class per command, each with {@code --help}
 * and an example. Commands print human-readable output by default and JSON with {@code --json};
 * progress goes to stderr and only when stderr is a terminal.
 *
 * <p>Exit codes: {@code 0} success; {@code 1} the run failed (a stage failure, counts that do not
 * add up); {@code 2} bad usage or bad input the user must fix (unknown option, unreadable file,
 * a query that does not parse); {@code 3} no suitable JDK (from the launcher script).
 */
@NullMarked
package dev.verbatim.app.cli;

import org.jspecify.annotations.NullMarked;
