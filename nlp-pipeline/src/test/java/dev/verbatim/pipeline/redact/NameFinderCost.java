package dev.verbatim.pipeline.redact;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What CoreNLP's recogniser costs and changes in the redact stage: redacts the texts of a file (one
 * per line, {@code \n} for a line break) with and without it on one thread, and prints CPU
 * microseconds per text, recogniser calls per text and how many texts differ. A benchmark, not a
 * test; figures depend on the machine. Run (e.g. on the demo's customer texts):
 *
 * <pre>
 * mvn -q -pl nlp-pipeline test-compile exec:java -Dexec.mainClass=dev.verbatim.pipeline.redact.NameFinderCost -Dtexts=FILE
 * </pre>
 */
public final class NameFinderCost {
  private NameFinderCost() {}

  public static void main(String[] args) throws IOException {
    String file = System.getProperty("texts");
    if (file == null) throw new IllegalArgumentException("give the texts with -Dtexts=FILE (one text per line, \\n for a line break)");
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
      texts.add(line.replace("\\n", "\n").replace("\\\\", "\\"));
    }
    PiiRedactor with = new PiiRedactor();
    PiiRedactor without = PiiRedactor.withoutRecogniser();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) { // the first round warms up
      long calls = PiiRedactor.recogniserCalls();
      long t0 = mx.getCurrentThreadCpuTime();
      List<String> a = new ArrayList<>(texts.size());
      for (String t : texts) a.add(with.redact(t));
      long t1 = mx.getCurrentThreadCpuTime();
      calls = PiiRedactor.recogniserCalls() - calls;
      List<String> b = new ArrayList<>(texts.size());
      for (String t : texts) b.add(without.redact(t));
      long t2 = mx.getCurrentThreadCpuTime();
      int differ = 0;
      int shown = Integer.getInteger("show", 0);
      for (int i = 0; i < texts.size(); i++) {
        if (a.get(i).equals(b.get(i))) continue;
        if (round == 1 && differ < shown) System.out.println("with:    " + a.get(i) + "\nwithout: " + b.get(i));
        differ++;
      }
      if (round == 1) {
        System.out.printf(Locale.ROOT,
            "%d texts: with the recogniser %.0f us CPU per text (%,.0f texts/CPU-s), %.4f recogniser calls per text;%n"
                + "  without it %.0f us per text (%,.0f texts/CPU-s); %d texts (%.2f%%) redacted differently%n",
            texts.size(), (t1 - t0) / 1e3 / texts.size(), texts.size() / ((t1 - t0) / 1e9), calls / (double) texts.size(),
            (t2 - t1) / 1e3 / texts.size(), texts.size() / ((t2 - t1) / 1e9), differ, 100.0 * differ / texts.size());
      }
    }
  }
}
