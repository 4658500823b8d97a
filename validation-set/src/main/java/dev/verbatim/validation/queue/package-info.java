/**
 * The review queue: samples, items, leased assignments and labels in one SQLite file in the
 * workspace ({@code validation.db}).
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}, so a label is on disk when {@code save}
 * returns, even if the process is killed or the machine loses power right after (NORMAL in WAL
 * survives a killed process but may lose the last commits on power loss). Labels are never deleted
 * or updated in place: a relabel adds a row, undo stamps {@code undone_at}.
 *
 * <p>Concurrency: every write runs in a {@code BEGIN IMMEDIATE} transaction, so reviewers in other
 * threads or processes (each with its own {@link dev.verbatim.validation.queue.ReviewQueue}) are
 * serialized by SQLite's write lock and never lease the same item beyond its required count.
 */
@NullMarked
package dev.verbatim.validation.queue;

import org.jspecify.annotations.NullMarked;
