package dev.verbatim.app.cli.validate;

import static java.util.Objects.requireNonNull;

import dev.verbatim.validation.PopulationSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code verbatim validate}: the parent of the validation subcommands. The composition root passes
 * a {@link Wiring} (where the scored population and search hits come from); without one, {@code
 * validate sample} reads a population JSONL file given with {@code --population}.
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
   * @param population the scored records of a workspace (the index adapter), or null for none
   * @param search record ids matching a search query in a workspace, or null for none
   */
  public record Wiring(PopulationFactory population, SearchIds search) {
    public Wiring {
      requireNonNull(population, "population");
      requireNonNull(search, "search");
    }

    /** Nothing wired: populations come from --population files, ids from --ids files. */
    public static Wiring none() {
      return new Wiring(
          ws -> {
            throw new IllegalArgumentException("no scored population is wired for workspace " + ws
                + "; pass --population FILE.jsonl (id, text, predicted, channel, score, confidence, topics)");
          },
          (ws, q) -> {
            throw new IllegalArgumentException("search is not wired into validate yet; pass --ids FILE with one id per line");
          });
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

  private final Wiring wiring;

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
