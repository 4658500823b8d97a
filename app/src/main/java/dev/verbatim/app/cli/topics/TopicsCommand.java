package dev.verbatim.app.cli.topics;

import dev.verbatim.app.Workspace;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code verbatim topics}: the parent of the topic subcommands. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "See, name and steer the topics of a workspace. The first `run` fits topics; these commands",
      "refit, show and edit them. Edits live in <workspace>/topics/taxonomy.json and survive refits.",
      "",
      "  ./verbatim topics show",
      "  ./verbatim topics show t3 --json",
      "  ./verbatim topics rename t3 \"Charged twice\"",
      "  ./verbatim topics merge t3 t11            # t11 goes into t3",
      "  ./verbatim topics split t5",
      "  ./verbatim topics seed --file themes.yaml",
      "  ./verbatim topics fit --topics 20 --encoder bge-small",
    },
    subcommands = {
      FitCommand.class,
      ShowCommand.class,
      RenameCommand.class,
      MergeCommand.class,
      SplitCommand.class,
      SeedCommand.class
    })
public final class TopicsCommand implements Runnable {
  /** Exit code: done. */
  static final int OK = 0;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The {@code --workspace} option every subcommand takes. */
  static final class WorkspaceOption {
    @CommandLine.Option(names = "--workspace", defaultValue = Workspace.DEFAULT, paramLabel = "DIR",
        description = "the workspace (default: ${DEFAULT-VALUE})")
    Path dir = Path.of(Workspace.DEFAULT);

    Workspace workspace() {
      return new Workspace(dir);
    }
  }
}
