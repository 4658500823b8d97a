package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.app.cli.validate.ValidateCommand;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help text is a format string to picocli: a lone {@code %} (as in "95% intervals")
 * makes {@code --help} print a "[picocli WARN] Could not format" line above the usage and leaves
 * the text unformatted. Each command's description, header and footer must format; the
 * options' texts are checked by rendering the help of the commands that had one.
 */
class CliHelpTest {
  @Test
  void helpPrintsNoPicocliWarning() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String[] args : List.of(new String[] {"validate", "--help"}, new String[] {"validate", "sample", "--help"},
          new String[] {"validate", "stats", "--help"}, new String[] {"validate", "learn", "--help"})) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
          assertEquals(0, VerbatimCli.execute(args));
        } finally {
          System.setOut(out);
        }
      }
    } finally {
      System.setErr(old);
    }
    assertEquals("", err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void everyHelpTextIsAValidFormatString() {
    CommandLine root = new CommandLine(new VerbatimCli(), ValidateCommand.factory(ValidateCommand.Wiring.none()));
    List<String> bad = new ArrayList<>();
    check(root, bad);
    assertEquals(List.of(), bad, "help texts with a lone '%' (write '%%')");
  }

  private static void check(CommandLine cmd, List<String> bad) {
    CommandSpec spec = cmd.getCommandSpec();
    String where = spec.qualifiedName();
    List<String> texts = new ArrayList<>();
    texts.addAll(List.of(spec.usageMessage().description()));
    texts.addAll(List.of(spec.usageMessage().header()));
    texts.addAll(List.of(spec.usageMessage().footer()));
    for (String t : texts) {
      try {
        String.format(Locale.ROOT, t.replace("${", "{"));
      } catch (IllegalFormatException e) {
        bad.add(where + ": " + t);
      }
    }
    for (CommandLine sub : cmd.getSubcommands().values()) check(sub, bad);
  }
}
