package dev.verbatim.pipeline.eval;

import dev.verbatim.pipeline.clean.LanguageDetector;
import dev.verbatim.pipeline.clean.OpenNlpLanguageDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures language-detection accuracy on {@code eval/language-sample.tsv} (short customer texts in
 * six languages, written for Verbatim) and prints it per language and overall. Run with:
 *
 * <pre>mvn -q -pl nlp-pipeline test-compile exec:java -Dexec.mainClass=dev.verbatim.pipeline.eval.LanguageEval</pre>
 */
public final class LanguageEval {

  /** One labelled text. */
  record Sample(String language, String text) {}

  /** Accuracy figures. */
  record Result(int total, int correct, int undetermined, Map<String, int[]> perLanguage, List<String> errors) {
    double accuracy() {
      return total == 0 ? 0 : correct / (double) total;
    }
  }

  private LanguageEval() {}

  public static void main(String[] args) {
    Result r = evaluate(OpenNlpLanguageDetector.fromClasspath(), load());
    System.out.println(report(r));
  }

  static List<Sample> load() {
    List<Sample> out = new ArrayList<>();
    try (InputStream in = LanguageEval.class.getResourceAsStream("/eval/language-sample.tsv")) {
      if (in == null) throw new IllegalStateException("eval/language-sample.tsv not on the test classpath");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        out.add(new Sample(line.substring(0, tab), line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Result evaluate(LanguageDetector detector, List<Sample> samples) {
    int correct = 0;
    int und = 0;
    Map<String, int[]> per = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (Sample s : samples) {
      String got = detector.detect(s.text());
      int[] c = per.computeIfAbsent(s.language(), k -> new int[2]);
      c[1]++;
      if (got.equals(s.language())) {
        correct++;
        c[0]++;
      } else {
        if (got.equals(LanguageDetector.UNDETERMINED)) und++;
        errors.add(s.language() + " -> " + got + ": " + s.text());
      }
    }
    return new Result(samples.size(), correct, und, per, errors);
  }

  static String report(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "language detection (opennlp-langdetect-183), %d texts of 5-30 words%n", r.total()));
    r.perLanguage().forEach((lang, c) ->
        sb.append(String.format(Locale.ROOT, "  %-3s %3d/%-3d = %.3f%n", lang, c[0], c[1], c[0] / (double) c[1])));
    sb.append(String.format(Locale.ROOT, "  overall accuracy %.3f (%d/%d), undetermined %d%n",
        r.accuracy(), r.correct(), r.total(), r.undetermined()));
    for (String e : r.errors()) sb.append("  miss: ").append(e).append('\n');
    return sb.toString();
  }
}
