package dev.verbatim.app.cli.report;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code verbatim report}: reports for product teams. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {"Reports for product teams.", "", "Example:", "  ./verbatim report friction --since 2026-01-01 --out friction.html"},
    subcommands = {FrictionCommand.class, CommandLine.HelpCommand.class})
public final class ReportCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
