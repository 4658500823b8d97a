/**
 * Import and export of samples and labels: JSONL, CSV, and Label Studio's JSON tasks with
 * annotations, both ways. Bad input lines are reported with their line number and a reason, never
 * thrown; I/O failures are IOExceptions. Stateless, thread-safe.
 */
@NullMarked
package dev.verbatim.validation.io;

import org.jspecify.annotations.NullMarked;
