package dev.verbatim.app.cli;

import dev.verbatim.app.cli.validate.ValidateCommand;
import dev.verbatim.app.demo.GenerateDemoCommand;
import dev.verbatim.pipeline.StageFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code verbatim} command: the entry point of the runnable jar. */
@Command(
    name = "verbatim",
    mixinStandardHelpOptions = true,
    version = "verbatim 0.1.0",
    description = {
      "Verbatim turns what customers write (tickets, chats, reviews, surveys) into searchable,",
      "redacted, scored feedback.",
      "",
      "Start with:  ./verbatim demo",
    },
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      EmbedCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      RedactCommand.class,
      EvalCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      dev.verbatim.app.cli.report.ReportCommand.class,
      dev.verbatim.app.cli.trends.TrendsCommand.class,
      GenerateDemoCommand.class,
      dev.verbatim.app.cli.topics.TopicsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VerbatimCli implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(VerbatimCli.class);

  /**
   * Lucene logs a two-line hint on every start that the incubating Vector API would speed up vector
   * search; it is documented in the README (VERBATIM_JAVA_OPTS="--add-modules jdk.incubator.vector")
   * and not worth two lines of every command's stderr. Held here: java.util.logging keeps loggers
   * only weakly, and a collected one would forget its level.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new VerbatimCli(), ValidateCommand.factory(ValidateCommand.Wiring.index()));
    cli.setExecutionExceptionHandler(VerbatimCli::handle);
    return cli.execute(args);
  }

  /**
   * Turns failures into one clear line and an exit code: the user's to fix (bad input, unreadable
   * file, a query that does not parse) exit 2; a failed run exits 1. Stack traces go to the log only
   * for bugs.
   */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      // its message is the bare path, which says nothing about what is wrong
      err.println("verbatim " + cmd.getCommandName() + ": no such file: " + missing.getFile());
      return ExitCodes.USAGE;
    }
    if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("verbatim " + cmd.getCommandName() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof StageFailure) {
      err.println("verbatim " + cmd.getCommandName() + ": the run stopped: " + e.getMessage());
      return ExitCodes.RUN_FAILED;
    }
    log.error("verbatim {} failed", cmd.getCommandName(), e);
    err.println("verbatim " + cmd.getCommandName() + ": failed: " + e
        + " (this is a bug; the log above has the details)");
    return ExitCodes.RUN_FAILED;
  }
}
