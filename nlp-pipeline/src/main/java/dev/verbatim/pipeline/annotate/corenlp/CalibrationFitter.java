package dev.verbatim.pipeline.annotate.corenlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verbatim.pipeline.annotate.PlattCalibration;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Fits the fast scorer's confidence (one {@link PlattCalibration} per label) on its agreement with
 * CoreNLP ({@code corenlp}) or on the writers' own ratings ({@code rating}: stars, CSAT, NPS) over
 * canonical feedback records (normally the demo generator's output), and writes the parameters as
 * a properties file. No gold file is read. Measured against the dev gold files, neither reference
 * beat the hand-set prior that ships (README, Sentiment): CoreNLP is the weaker scorer on customer
 * text, so agreement with it under-states the fast scorer's accuracy, and the demo's text is
 * synthetic.
 *
 * <p>Regenerate the shipped resource with:
 *
 * <pre>./verbatim generate-demo --out /tmp/calib --canonical-jsonl 20000 --seed 11
 * mvn -q -pl nlp-pipeline compile exec:java \
 *   -Dexec.mainClass=dev.verbatim.pipeline.annotate.corenlp.CalibrationFitter \
 *   -Dexec.args="/tmp/calib/feedback-20000.jsonl 5000 /tmp/calib/fast-calibration.properties rating"</pre>
 *
 * Texts: the customer's words of English (or unlabelled-language) records, de-duplicated, the
 * first N in file order. Deterministic for a given corpus (CoreNLP is deterministic).
 */
public final class CalibrationFitter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CalibrationFitter() {}

  /** {@code CORPUS.jsonl N OUT.properties}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: CalibrationFitter CORPUS.jsonl N OUT.properties [rating|corenlp]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    boolean agreement = args.length > 3 && args[3].equals("corenlp");
    var texts = new ArrayList<String>();
    var rated = new ArrayList<@Nullable Polarity>();
    readCorpus(corpus, n, !agreement, texts, rated);
    var fast = new LexiconSentimentScorer(new dev.verbatim.pipeline.annotate.RuleBasedAnnotator(),
        LexiconSentimentScorer.Params.prior());
    Polarity[] reference;
    if (agreement) {
      var core = new CoreNlpSentimentScorer(fast, CoreNlpSentimentScorer.Settings.defaults());
      reference = referenceLabels(core, texts, Runtime.getRuntime().availableProcessors());
    } else {
      reference = rated.stream().map(java.util.Objects::requireNonNull).toArray(Polarity[]::new);
    }
    LexiconSentimentScorer fitted = fast.calibratedAgainst(texts, reference);
    LexiconSentimentScorer.Params p = fitted.params();
    var sb = new StringBuilder();
    sb.append("# Platt calibration of the fast scorer's confidence, fitted by CalibrationFitter on\n")
        .append(agreement ? "# agreement with CoreNLP over " : "# the writers' own ratings over ")
        .append(texts.size()).append(" texts of ").append(corpus.getFileName())
        .append(" (the demo generator's output; see CalibrationFitter's javadoc for the command).\n")
        .append("# p(right) = 1 / (1 + exp(-(slope * margin + intercept))), margin = distance of the\n")
        .append("# document score to the neutral band's edge. No gold label was used.\n");
    for (Polarity label : Polarity.values()) {
      PlattCalibration c = p.calibration(label);
      sb.append(String.format(Locale.ROOT, "%s.slope=%.6f%n", label.wireName(), c.slope()));
      sb.append(String.format(Locale.ROOT, "%s.intercept=%.6f%n", label.wireName(), c.intercept()));
    }
    Files.writeString(Path.of(args[2]), sb, StandardCharsets.UTF_8);
    System.err.print(sb);
  }

  /** CoreNLP's document labels for {@code texts}, on {@code threads} threads. */
  static Polarity[] referenceLabels(CoreNlpSentimentScorer core, List<String> texts, int threads)
      throws InterruptedException, ExecutionException {
    Polarity[] out = new Polarity[texts.size()];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < texts.size(); i += threads) {
            out[i] = core.score(texts.get(i)).document().label();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /**
   * Reads up to {@code n} distinct customer texts of English (or unlabelled-language) records into
   * {@code texts}; with {@code ratedOnly}, only records with a rating, whose label goes to {@code
   * labels} ({@link #ratingLabel}).
   */
  static void readCorpus(
      Path corpus, int n, boolean ratedOnly, List<String> texts, List<@Nullable Polarity> labels)
      throws IOException {
    Set<String> seen = new java.util.HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null && texts.size() < n) {
        JsonNode rec;
        try {
          rec = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          continue;
        }
        JsonNode lang = rec.get("language");
        if (lang != null && !lang.asText().equals("en")) {
          continue;
        }
        Polarity label = ratingLabel(rec);
        if (ratedOnly && label == null) {
          continue;
        }
        var sb = new StringBuilder();
        if (rec.hasNonNull("text")) {
          sb.append(rec.get("text").asText());
        } else if (rec.has("turns")) {
          for (JsonNode turn : rec.get("turns")) {
            if ("customer".equals(turn.path("speaker").asText())) {
              sb.append(sb.isEmpty() ? "" : "\n").append(turn.path("text").asText());
            }
          }
        }
        String text = sb.toString();
        if (!text.isBlank() && seen.add(text)) {
          texts.add(text);
          labels.add(label);
        }
      }
    }
  }

  /**
   * The writer's own verdict from a record's rating, or {@code null}: stars or CSAT 1-2 negative,
   * 3 neutral, 4-5 positive; NPS 0-6 negative, 7-8 neutral, 9-10 positive (the usual detractor,
   * passive, promoter split). CES and missing ratings give none.
   */
  static @Nullable Polarity ratingLabel(JsonNode rec) {
    JsonNode rating = rec.get("rating");
    JsonNode scale = rec.get("rating_scale");
    if (rating == null || !rating.isNumber() || scale == null) {
      return null;
    }
    double v = rating.asDouble();
    return switch (scale.asText()) {
      case "stars", "csat" -> v <= 2 ? Polarity.NEGATIVE : v < 4 ? Polarity.NEUTRAL : Polarity.POSITIVE;
      case "nps" -> v <= 6 ? Polarity.NEGATIVE : v <= 8 ? Polarity.NEUTRAL : Polarity.POSITIVE;
      default -> null;
    };
  }
}
