/**
 * The runnable application: the composition root that wires the stages of every module, the
 * command-line interface ({@code cli}), and the demo corpus generator ({@code demo}).
 */
@NullMarked
package dev.verbatim.app;

import org.jspecify.annotations.NullMarked;
