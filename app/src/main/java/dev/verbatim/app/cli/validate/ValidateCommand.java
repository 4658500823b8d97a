package dev.verbatim.app.cli.validate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.PopulationSource;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code verbatim validate}: the parent of the validation subcommands. The composition root passes
 * a {@link Wiring} (where the scored population, search hits, conversation turns and second opinions
 * come from: {@link Wiring#index()}, the workspace's index); without one, {@code validate sample}
 * reads a population JSONL file given with {@code --population}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check the machine's work with human reads: sample, review, measure, learn.",
      "",
      "  ./verbatim validate sample --strategy stratified --margin 0.05 --seed 1",
      "  ./verbatim validate label --reviewer ann",
      "  ./verbatim validate stats --json",
      "  ./verbatim validate learn",
    },
    subcommands = {
      SampleCommand.class,
      QueueCommand.class,
      LabelCommand.class,
      StatsCommand.class,
      LearnCommand.class,
      ExportCommand.class,
      ImportCommand.class
    })
public final class ValidateCommand implements Runnable {
  /** Exit code: done. */
  static final int OK = 0;
  /** Exit code: the user's to fix (same as the main CLI's). */
  static final int USAGE = 2;

  /**
   * Where {@code validate} gets what other modules produce.
   *
   * @param population the scored records of a workspace (the index adapter)
   * @param search record ids matching a search query in a workspace
   * @param turns the conversation turns of sampled records, shown to reviewers as context
   * @param second a second scorer for disagreement samples
   */
  public record Wiring(PopulationFactory population, SearchIds search, TurnSource turns, SecondOpinionFactory second) {
    public Wiring {
      requireNonNull(population, "population");
      requireNonNull(search, "search");
      requireNonNull(turns, "turns");
      requireNonNull(second, "second");
    }

    /** Population and search only: no turns, no second scorer. */
    public Wiring(PopulationFactory population, SearchIds search) {
      this(population, search, (ws, ids) -> Map.of(), (ws, kind) -> {
        throw new IllegalArgumentException("no second scorer is wired; pass --population FILE.jsonl with"
            + " second_opinion fields for --strategy disagreement");
      });
    }

    /** Nothing wired: populations come from --population files, ids from --ids files. */
    public static Wiring none() {
      return new Wiring(
          ws -> {
            throw new IllegalArgumentException("no scored population is wired for workspace " + ws
                + "; pass --population FILE.jsonl (id, text, predicted, channel, score, confidence, topics)");
          },
          (ws, q) -> {
            throw new IllegalArgumentException("search is not wired into validate; pass --ids FILE with one id per line");
          });
    }

    /** The workspace's search index (the composition root's wiring). */
    public static Wiring index() {
      return IndexPopulation.wiring();
    }
  }

  /** The scored population of a workspace. */
  @FunctionalInterface
  public interface PopulationFactory {
    /** Opens the workspace's population. */
    PopulationSource open(Path workspace) throws IOException;
  }

  /** Record ids matching a search query (for targeted samples). */
  @FunctionalInterface
  public interface SearchIds {
    /** The ids of all records matching the query. */
    List<String> ids(Path workspace, String query) throws IOException;
  }

  /** The conversation turns of records, by id; records without context are absent. */
  @FunctionalInterface
  public interface TurnSource {
    /** The turns of the given records. */
    Map<String, List<Turn>> of(Path workspace, Collection<String> ids) throws IOException;
  }

  /** A second sentiment scorer's opinion of a record, for disagreement samples. */
  public interface SecondOpinion {
    /** What the second scorer is, for the sample summary. */
    String name();

    /** How many records it can score in reasonable time (the candidate pool); MAX_VALUE if fast. */
    int defaultPool();

    /** The second scorer's label of a record. */
    SentimentLabel label(PopulationRecord record);
  }

  /** Opens a second scorer by kind ({@code auto}, {@code learned} or {@code corenlp}). */
  @FunctionalInterface
  public interface SecondOpinionFactory {
    /** The second scorer; IllegalArgumentException when that kind is not available. */
    SecondOpinion open(Path workspace, String kind) throws IOException;
  }

  private final Wiring wiring;

  /** Builds the command with the given wiring; picocli's default factory for everything else. */
  public static CommandLine.IFactory factory(Wiring wiring) {
    requireNonNull(wiring, "wiring");
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == ValidateCommand.class ? cls.cast(new ValidateCommand(wiring)) : CommandLine.defaultFactory().create(cls);
      }
    };
  }

  /** With nothing wired (see {@link Wiring#none()}). */
  public ValidateCommand() {
    this(Wiring.none());
  }

  /** With the composition root's wiring. */
  public ValidateCommand(Wiring wiring) {
    this.wiring = requireNonNull(wiring, "wiring");
  }

  Wiring wiring() {
    return wiring;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
