package dev.verbatim.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code verbatim eval}: measures the models against gold files. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure Verbatim's models on labelled gold files (format: shared/formats/gold.md).",
      "",
      "Examples:",
      "  ./verbatim eval sentiment --gold ../shared/data/gold/airline.jsonl --scorer fast,corenlp --json",
      "  ./verbatim eval topics --gold ../shared/data/gold/banking77.jsonl --topics gold --json"
    },
    subcommands = {EvalSentimentCommand.class, EvalTopicsCommand.class, CommandLine.HelpCommand.class})
final class EvalCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
