package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.QueueStatus;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verbatim validate label}: a terminal labelling loop. One key and Enter per item; every
 * label is saved (durably) before the next item shows, so quitting or a crash loses nothing.
 */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "Label the queue's items in the terminal. Type one key and Enter:",
      "  n negative   u neutral   p positive   s skip   f flag   z undo last   q quit",
      "Add ! to mark 'PII left unmasked', t to say the first topic is wrong (you are asked the right one);",
      "without t the first topic counts as right. Text after a space is saved as a note, e.g.  n! card number shown"
    })
final class LabelCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--reviewer", description = "your name, saved with each label (default: the user name)")
  @Nullable String reviewer;

  @Option(names = "--sample", description = "sample id (default: the newest)")
  @Nullable Long sample;

  @Override
  public Integer call() throws IOException {
    String who = reviewer != null && !reviewer.isBlank() ? reviewer.strip() : System.getProperty("user.name", "reviewer");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = System.out;
    try (ReviewQueue q = Cli.open(workspace)) {
      long s = Cli.sampleOrLatest(q, sample);
      int mine = 0;
      while (true) {
        Optional<ReviewItem> next = q.next(who, s);
        QueueStatus st = q.status(s);
        if (next.isEmpty()) {
          out.printf(Locale.ROOT, "%nnothing left for %s in sample %d (%d/%d labels done). Thank you!%n",
              who, s, st.labelsDone(), st.labelsRequired());
          break;
        }
        ReviewItem it = next.get();
        out.printf(Locale.ROOT, "%n── sample %d · %d/%d labels done · %d by you this session · %d flagged ──%n",
            s, st.labelsDone(), st.labelsRequired(), mine, st.flagged());
        out.printf(Locale.ROOT, "machine: %s (confidence %.2f)%s%s%n", it.predicted().wire(), it.record().confidence(),
            it.topics().isEmpty() ? "" : "   topics: " + String.join(", ", it.topics()),
            it.overlap() ? "   [agreement item]" : "");
        out.println();
        out.println(Cli.printable(it.text(), 4000));
        out.println();
        out.print("n/u/p  s skip  f flag  z undo  q quit  (! PII, t topic wrong) > ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
          break;
        }
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        char key = Character.toLowerCase(line.charAt(0));
        int space = line.indexOf(' ');
        String flags = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String note = space < 0 ? "" : line.substring(space + 1).strip();
        switch (key) {
          case 'q' -> {
            q.release(who);
            out.println("leases released; bye");
            return ValidateCommand.OK;
          }
          case 's' -> q.skip(who, it.itemId());
          case 'z' -> {
            Optional<Long> undone = q.undoLast(who);
            out.println(undone.isPresent() ? "undone: that item comes back now" : "nothing to undo");
            if (undone.isPresent() && mine > 0) {
              mine--;
            }
          }
          case 'f' -> {
            q.save(it.itemId(), new Label(who, null, Map.of(), null, flags.contains("!"), true, note, Instant.now()));
            mine++;
          }
          case 'n', 'u', 'p' -> {
            SentimentLabel label = SentimentLabel.parse(String.valueOf(key)).orElseThrow();
            Map<String, Boolean> verdicts = new LinkedHashMap<>();
            String corrected = null;
            if (!it.topics().isEmpty()) {
              boolean wrong = flags.contains("t");
              verdicts.put(it.topics().get(0), !wrong);
              if (wrong) {
                out.print("right topic (Enter for none): ");
                out.flush();
                String t = in.readLine();
                corrected = t == null || t.isBlank() ? null : t.strip();
              }
            }
            q.save(it.itemId(), new Label(who, label, verdicts, corrected, flags.contains("!"), false, note, Instant.now()));
            mine++;
          }
          default -> out.println("unknown key '" + key + "': n u p s f z q");
        }
      }
      q.release(who);
    }
    return ValidateCommand.OK;
  }
}
