package dev.verbatim.app.cli.validate;

import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.queue.Label;
import dev.verbatim.validation.queue.QueueStatus;
import dev.verbatim.validation.queue.ReviewItem;
import dev.verbatim.validation.queue.ReviewQueue;
import java.io.IOException;
import java.io.PrintStream;
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
 * {@code verbatim validate label}: a terminal labelling loop, one keystroke per label. Every label
 * is saved (durably) before the next item shows, so quitting or a crash loses nothing.
 */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  ./verbatim validate label --reviewer ann"},
    description = {
      "Label the queue's items in the terminal, one keystroke each:",
      "  n negative   u neutral   p positive   s skip   f flag   z undo last   q quit",
      "Before the label key:  ! marks 'PII left unmasked',  t says the first topic is wrong (you type the",
      "right one),  # adds a note. Without t the first topic counts as right.",
      "Off a terminal (piped input) or with --lines, type the keys and Enter, e.g.  !n  or  tp"
    })
final class LabelCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = "verbatim-data", description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of("verbatim-data");

  @Option(names = "--reviewer", description = "your name, saved with each label (default: the user name)")
  @Nullable String reviewer;

  @Option(names = "--sample", description = "sample id (default: the newest)")
  @Nullable Long sample;

  @Option(names = "--lines", description = "read keys as lines ending with Enter, even on a terminal")
  boolean lines;

  @Override
  public Integer call() throws IOException {
    String who = reviewer != null && !reviewer.isBlank() ? reviewer.strip() : System.getProperty("user.name", "reviewer");
    PrintStream out = System.out;
    try (ReviewQueue q = Cli.open(workspace); Keys keys = Keys.open(out, lines)) {
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
        show(out, s, st, mine, it);
        boolean pii = false;
        boolean topicWrong = false;
        String note = "";
        Step step = Step.AGAIN;
        while (step == Step.AGAIN) {
          int key = keys.key();
          step = Step.NEXT;
          switch (key) {
            case -1, 'q' -> {
              q.release(who);
              out.printf(Locale.ROOT, "%nleases released; %d labels saved this session%n", mine);
              return ValidateCommand.OK;
            }
            case '!' -> {
              pii = !pii;
              out.print(pii ? " [PII left unmasked] " : " [PII mark removed] ");
              step = Step.AGAIN;
            }
            case 't' -> {
              topicWrong = !it.topics().isEmpty() && !topicWrong;
              out.print(it.topics().isEmpty() ? " [no topic to judge] " : topicWrong ? " [topic wrong] " : " [topic right] ");
              step = Step.AGAIN;
            }
            case '#' -> {
              String n = keys.line(" note: ");
              note = n == null ? "" : n.strip();
              step = Step.AGAIN;
            }
            case 's' -> q.skip(who, it.itemId());
            case 'z' -> {
              Optional<Long> undone = q.undoLast(who);
              out.print(undone.isPresent() ? "  undone: that item comes back now" : "  nothing to undo");
              if (undone.isPresent() && mine > 0) {
                mine--;
              }
            }
            case 'f' -> {
              q.save(it.itemId(), new Label(who, null, Map.of(), null, pii, true, note, Instant.now()));
              mine++;
            }
            case 'n', 'u', 'p' -> {
              SentimentLabel label = SentimentLabel.parse(String.valueOf((char) key)).orElseThrow();
              Map<String, Boolean> verdicts = new LinkedHashMap<>();
              String corrected = null;
              if (!it.topics().isEmpty()) {
                verdicts.put(it.topics().get(0), !topicWrong);
                if (topicWrong) {
                  String t = keys.line(" right topic (Enter for none): ");
                  corrected = t == null || t.isBlank() ? null : t.strip();
                }
              }
              q.save(it.itemId(), new Label(who, label, verdicts, corrected, pii, false, note, Instant.now()));
              mine++;
            }
            default -> {
              out.print("  keys: n u p s f z q ! t #  ");
              step = Step.AGAIN;
            }
          }
        }
        out.println();
      }
      q.release(who);
    }
    return ValidateCommand.OK;
  }

  private enum Step { AGAIN, NEXT }

  private static void show(PrintStream out, long sample, QueueStatus st, int mine, ReviewItem it) {
    out.printf(Locale.ROOT, "%n── sample %d · %d/%d labels done · %d by you this session · %d flagged ──%n",
        sample, st.labelsDone(), st.labelsRequired(), mine, st.flagged());
    out.printf(Locale.ROOT, "machine: %s (confidence %.2f)%s%s%n", it.predicted().wire(), it.record().confidence(),
        it.topics().isEmpty() ? "" : "   topics: " + String.join(", ", it.topics()),
        it.overlap() ? "   [agreement item]" : "");
    out.println();
    if (!it.turns().isEmpty()) {
      // the conversation as context (customer turns are what is labelled, shown again below)
      for (var t : it.turns()) {
        out.println("  " + Cli.printable(t.speaker(), 20) + ": " + Cli.printable(t.text(), 1000).replace("\n", "\n    "));
      }
      out.println("  ── label the customer's words:");
    }
    out.println(Cli.printable(it.text(), 4000));
    out.println();
    out.print("n/u/p  s skip  f flag  z undo  q quit  (! PII  t topic wrong  # note) > ");
    out.flush();
  }
}
