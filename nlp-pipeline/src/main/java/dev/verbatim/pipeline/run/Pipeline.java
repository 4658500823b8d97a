package dev.verbatim.pipeline.run;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.Feedback;
import dev.verbatim.pipeline.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable, type-checked chain of stages after ingest, e.g. {@code
 * Pipeline.start().then(cleaner).then(redactor).then(indexer)}. Each {@code then} returns a new
 * pipeline, so a partial chain can be shared.
 *
 * @param <O> what the last stage produces
 */
public final class Pipeline<O> {
  private final List<Stage<?, ?>> stages;

  private Pipeline(List<Stage<?, ?>> stages) {
    this.stages = List.copyOf(stages);
  }

  /** An empty chain that takes ingested {@link Feedback}. */
  public static Pipeline<Feedback> start() {
    return new Pipeline<>(List.of());
  }

  /**
   * Appends a stage.
   *
   * @throws IllegalArgumentException if a stage of the same name is already in the chain (the run
   *     report names stages, so names must be unique)
   */
  public <N> Pipeline<N> then(Stage<? super O, N> stage) {
    requireNonNull(stage, "stage");
    List<Stage<?, ?>> next = new ArrayList<>(stages);
    next.add(stage);
    Set<String> names = new HashSet<>();
    names.add(PipelineRunner.INGEST);
    for (Stage<?, ?> s : next) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two stages are named '" + s.name() + "'");
      }
    }
    return new Pipeline<>(next);
  }

  /** The stages in order. */
  public List<Stage<?, ?>> stages() {
    return stages;
  }
}
