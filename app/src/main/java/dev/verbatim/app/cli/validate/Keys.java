package dev.verbatim.app.cli.validate;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the labelling loop's keys. On a terminal it switches the tty to character-at-a-time, no
 * echo ({@code stty -icanon -echo}), so one keystroke is one label, and restores the saved settings
 * on close and at exit. Elsewhere (piped input, no stty, or {@code --lines}) it reads lines and
 * hands their characters out one by one, so scripts and Windows consoles work the same way with
 * Enter after the keys. Not thread-safe.
 */
final class Keys implements AutoCloseable {
  private final InputStream raw;
  private final BufferedReader lines;
  private final PrintStream out;
  private final @Nullable String savedTty;
  private String pending = "";

  private Keys(InputStream in, PrintStream out, @Nullable String savedTty) {
    this.raw = in;
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.savedTty = savedTty;
  }

  /** Opens the key reader over standard input; raw keys when a terminal allows and lineMode is off. */
  static Keys open(PrintStream out, boolean lineMode) {
    String saved = lineMode || !interactive() ? null : stty("-g");
    if (saved != null && stty("-icanon", "-echo", "min", "1") == null) {
      saved = null;
    }
    Keys k = new Keys(System.in, out, saved == null ? null : saved.strip());
    if (saved != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(k::restore, "verbatim-tty-restore"));
    }
    return k;
  }

  /** Whether keys arrive one at a time (no Enter needed). */
  boolean rawKeys() {
    return savedTty != null;
  }

  /** The next key, lower-cased; -1 at the end of input. Blanks and line ends are skipped. */
  int key() throws IOException {
    while (true) {
      int c;
      if (savedTty != null) {
        c = raw.read();
      } else {
        if (pending.isEmpty()) {
          String l = lines.readLine();
          if (l == null) {
            return -1;
          }
          pending = l;
          continue;
        }
        c = pending.charAt(0);
        pending = pending.substring(1);
      }
      if (c < 0) {
        return -1;
      }
      if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
        out.print((char) c);
        out.flush();
        return Character.toLowerCase(c);
      }
    }
  }

  /**
   * A line of text after a prompt (for a note or a topic name). In line mode, what is left of the
   * current line is taken first.
   */
  @Nullable String line(String prompt) throws IOException {
    if (savedTty == null && !pending.isBlank()) {
      String rest = pending.strip();
      pending = "";
      return rest;
    }
    out.print(prompt);
    out.flush();
    if (savedTty == null) {
      return lines.readLine();
    }
    stty("icanon", "echo");
    try {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = raw.read()) >= 0 && c != '\n') {
        b.append((char) c);
      }
      return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    } finally {
      stty("-icanon", "-echo", "min", "1");
    }
  }

  @Override
  public void close() {
    restore();
  }

  private void restore() {
    if (savedTty != null) {
      stty(savedTty);
    }
  }

  /** Whether standard input and output are a terminal (Console.isTerminal on JDK 22+). */
  private static boolean interactive() {
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = console.getClass().getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }

  /** Runs stty on the controlling terminal; its output, or null when it fails or is absent. */
  private static @Nullable String stty(String... args) {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return null;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("stty");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(tty))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? result : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
