package dev.verbatim.pipeline;

/**
 * One step of the pipeline: takes a record, returns what it made of it. A stage adds to its input
 * and never mutates it.
 *
 * <p>Implementations are thread-safe: the runner calls {@link #apply} from several worker threads
 * at once. An exception thrown by {@code apply} is treated as a bug on that one record ({@link
 * Reason#INTERNAL}): it is quarantined and the run goes on.
 *
 * @param <I> what the stage takes
 * @param <O> what it passes on
 */
public interface Stage<I, O> {

  /** The stage's name as the run report shows it, e.g. {@code "clean"}. */
  String name();

  /** Processes one record. */
  Outcome<O> apply(I input);
}
