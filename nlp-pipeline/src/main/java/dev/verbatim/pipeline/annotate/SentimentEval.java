package dev.verbatim.pipeline.annotate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a {@link SentimentScorer} on a gold file ({@code shared/formats/gold.md}): accuracy,
 * macro-F1, per-class precision/recall/F1, the confusion matrix, expected calibration error and
 * throughput.
 *
 * <p>A gold file whose labels are only {@code negative} and {@code positive} is a binary set: there
 * a prediction is positive iff the document score is above zero, and macro-F1 averages the two
 * classes. Otherwise the scorer's three-way label is compared and macro-F1 averages three classes.
 * Lines without a {@code sentiment} are skipped; lines that are not JSON or whose sentiment is not
 * negative, neutral or positive are skipped with a warning that counts them. Throughput: the first
 * 200 documents warm the scorer up untimed, then whole passes are timed until two seconds have passed (a slow scorer
 * makes one pass); counters therefore include the warm-up. Stateless; safe to share.
 */
public final class SentimentEval {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SentimentEval.class);


  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ECE_BINS = 10;
  private static final int WARMUP_DOCS = 200;
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final long MIN_TIMED_NANOS = 2_000_000_000L;
  private static final int MAX_PASSES = 50;

  /** Creates an evaluator. */
  public SentimentEval() {}

  /**
   * What one scorer scored on one gold file.
   *
   * @param gold the file's name
   * @param n documents scored
   * @param scorer the scorer's id
   * @param binary whether the file is a binary set
   * @param accuracy share of documents labelled right
   * @param macroF1 unweighted mean of the per-class F1 (two classes for a binary set, else three)
   * @param perClass precision, recall, F1 and support per gold class
   * @param confusion counts by gold label, then predicted label
   * @param ece expected calibration error of the document confidence (10 equal-width bins)
   * @param docsPerSecond documents scored per wall-clock second with {@code threads} threads
   * @param threads worker threads used
   * @param counters the scorer's own counters at the end (e.g. the share handed to CoreNLP)
   */
  public record EvalResult(
      String gold,
      int n,
      String scorer,
      boolean binary,
      double accuracy,
      double macroF1,
      Map<Polarity, ClassScores> perClass,
      Map<Polarity, Map<Polarity, Integer>> confusion,
      double ece,
      double docsPerSecond,
      int threads,
      Map<String, Number> counters) {
    public EvalResult {
      perClass = Map.copyOf(perClass);
      confusion = Map.copyOf(confusion);
      counters = Map.copyOf(counters);
    }

    /** The result as one JSON object with the field names of {@code eval sentiment --json}. */
    public String toJson() {
      var o = new LinkedHashMap<String, Object>();
      o.put("gold", gold);
      o.put("n", n);
      o.put("scorer", scorer);
      o.put("binary", binary);
      o.put("accuracy", round(accuracy));
      o.put("macro_f1", round(macroF1));
      var pc = new LinkedHashMap<String, Object>();
      for (Polarity p : Polarity.values()) {
        ClassScores c = perClass.get(p);
        if (c != null) {
          var m = new LinkedHashMap<String, Object>();
          m.put("precision", round(c.precision()));
          m.put("recall", round(c.recall()));
          m.put("f1", round(c.f1()));
          m.put("support", c.support());
          pc.put(p.wireName(), m);
        }
      }
      o.put("per_class", pc);
      var cm = new LinkedHashMap<String, Object>();
      for (Polarity g : Polarity.values()) {
        Map<Polarity, Integer> row = confusion.get(g);
        if (row != null) {
          var r = new LinkedHashMap<String, Object>();
          for (Polarity p : Polarity.values()) {
            r.put(p.wireName(), row.getOrDefault(p, 0));
          }
          cm.put(g.wireName(), r);
        }
      }
      o.put("confusion", cm);
      o.put("ece", round(ece));
      o.put("docs_per_second", Math.round(docsPerSecond * 10) / 10.0);
      o.put("threads", threads);
      if (!counters.isEmpty()) {
        o.put("counters", new java.util.TreeMap<>(counters));
      }
      try {
        return JSON.writeValueAsString(o);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write eval result", e);
      }
    }

    /** A one-line human summary. */
    public String summary() {
      Number share = counters.get("handed_over_share");
      return String.format(
              Locale.ROOT,
              "%-22s %-28s n=%5d acc=%.3f macroF1=%.3f ece=%.3f %8.1f docs/s",
              gold, scorer, n, accuracy, macroF1, ece, docsPerSecond)
          + (share == null
              ? ""
              : String.format(Locale.ROOT, " to-corenlp=%.1f%%", share.doubleValue() * 100));
    }

    private static double round(double d) {
      return Math.round(d * 10_000) / 10_000.0;
    }
  }

  /**
   * Precision, recall and F1 of one class.
   *
   * @param precision share of predictions of this class that were right
   * @param recall share of gold documents of this class found
   * @param f1 harmonic mean of the two (0 if both are 0)
   * @param support gold documents of this class
   */
  public record ClassScores(double precision, double recall, double f1, int support) {}

  /** One labelled gold line. */
  record GoldDoc(String text, Polarity label) {}

  /** Scores every labelled line of {@code gold} with {@code scorer} on {@code threads} threads. */
  public EvalResult evaluate(Path gold, SentimentScorer scorer, int threads) throws IOException {
    return evaluate(gold, scorer, threads, Integer.MAX_VALUE);
  }

  /**
   * As {@link #evaluate(Path, SentimentScorer, int)}, on at most {@code limit} labelled lines taken
   * evenly across the file (every k-th line), so a slow scorer sees the same mix of classes.
   */
  public EvalResult evaluate(Path gold, SentimentScorer scorer, int threads, int limit)
      throws IOException {
    requireNonNull(scorer, "scorer");
    if (threads < 1 || limit < 1) {
      throw new IllegalArgumentException("threads and limit must be >= 1");
    }
    List<GoldDoc> docs = read(gold);
    if (docs.isEmpty()) {
      throw new IllegalArgumentException(
          "no line of " + gold + " has a \"text\" and a \"sentiment\" of negative, neutral or positive:"
              + " nothing to measure (format: shared/formats/gold.md)");
    }
    if (docs.size() > limit) {
      var sample = new ArrayList<GoldDoc>(limit);
      double step = docs.size() / (double) limit;
      for (int i = 0; i < limit; i++) {
        sample.add(docs.get((int) (i * step)));
      }
      docs = sample;
    }
    boolean binary = docs.stream().noneMatch(d -> d.label() == Polarity.NEUTRAL);
    DocumentSentiment[] predicted = new DocumentSentiment[docs.size()];
    // Warm the JIT on a few documents first (untimed), then time whole passes until at least
    // MIN_TIMED_NANOS have passed, so fast scorers are not measured on a cold VM or a 30 ms blip.
    List<GoldDoc> warm = docs.subList(0, Math.min(WARMUP_DOCS, docs.size()));
    runParallel(warm, scorer, threads, new DocumentSentiment[warm.size()]);
    long t0 = System.nanoTime();
    runParallel(docs, scorer, threads, predicted);
    int passes = 1;
    while (System.nanoTime() - t0 < MIN_TIMED_NANOS && passes < MAX_PASSES) {
      runParallel(docs, scorer, threads, new DocumentSentiment[docs.size()]);
      passes++;
    }
    double seconds = (System.nanoTime() - t0) / 1e9 / passes;
    return tally(gold.getFileName().toString(), docs, predicted, binary, scorer, seconds, threads);
  }

  private static void runParallel(
      List<GoldDoc> docs, SentimentScorer scorer, int threads, DocumentSentiment[] out) {
    AtomicInteger next = new AtomicInteger();
    int chunk = 64;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "verbatim-eval-" + THREAD_IDS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      var futures = new ArrayList<Future<?>>();
      for (int w = 0; w < threads; w++) {
        futures.add(
            pool.submit(
                () -> {
                  int start;
                  while ((start = next.getAndAdd(chunk)) < docs.size()) {
                    int end = Math.min(docs.size(), start + chunk);
                    for (int i = start; i < end; i++) {
                      out[i] = scorer.score(docs.get(i).text());
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scorer " + scorer.id() + " threw", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static EvalResult tally(
      String name,
      List<GoldDoc> docs,
      DocumentSentiment[] predicted,
      boolean binary,
      SentimentScorer scorer,
      double seconds,
      int threads) {
    var confusion = new EnumMap<Polarity, Map<Polarity, Integer>>(Polarity.class);
    double[] binConf = new double[ECE_BINS];
    double[] binRight = new double[ECE_BINS];
    int[] binN = new int[ECE_BINS];
    int right = 0;
    for (int i = 0; i < docs.size(); i++) {
      Sentiment s = predicted[i].document();
      Polarity gold = docs.get(i).label();
      Polarity pred = binary ? (s.score() > 0 ? Polarity.POSITIVE : Polarity.NEGATIVE) : s.label();
      confusion.computeIfAbsent(gold, k -> new EnumMap<>(Polarity.class)).merge(pred, 1, Integer::sum);
      boolean ok = gold == pred;
      right += ok ? 1 : 0;
      int b = Math.min(ECE_BINS - 1, (int) (s.confidence() * ECE_BINS));
      binConf[b] += s.confidence();
      binRight[b] += ok ? 1 : 0;
      binN[b]++;
    }
    int n = docs.size();
    double ece = 0;
    for (int b = 0; b < ECE_BINS; b++) {
      if (binN[b] > 0) {
        ece += (binN[b] / (double) n) * Math.abs(binRight[b] / binN[b] - binConf[b] / binN[b]);
      }
    }
    var perClass = new EnumMap<Polarity, ClassScores>(Polarity.class);
    double f1Sum = 0;
    int classes = 0;
    for (Polarity c : Polarity.values()) {
      if (binary && c == Polarity.NEUTRAL) {
        continue;
      }
      int tp = count(confusion, c, c);
      int support = 0;
      int predictedC = 0;
      for (Polarity o : Polarity.values()) {
        support += count(confusion, c, o);
        predictedC += count(confusion, o, c);
      }
      double p = predictedC == 0 ? 0 : tp / (double) predictedC;
      double r = support == 0 ? 0 : tp / (double) support;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      perClass.put(c, new ClassScores(p, r, f1, support));
      f1Sum += f1;
      classes++;
    }
    var frozen = new EnumMap<Polarity, Map<Polarity, Integer>>(Polarity.class);
    confusion.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new EvalResult(
        name,
        n,
        scorer.id(),
        binary,
        n == 0 ? 0 : right / (double) n,
        classes == 0 ? 0 : f1Sum / classes,
        perClass,
        frozen,
        ece,
        seconds > 0 ? n / seconds : 0,
        threads,
        scorer.counters());
  }

  private static int count(Map<Polarity, Map<Polarity, Integer>> m, Polarity gold, Polarity pred) {
    Map<Polarity, Integer> row = m.get(gold);
    return row == null ? 0 : row.getOrDefault(pred, 0);
  }

  /**
   * Up to {@code n} texts taken evenly across a gold file, without their labels: unlabelled text
   * for fitting a calibration on agreement with CoreNLP.
   */
  public static List<String> sampleTexts(Path gold, int n) throws IOException {
    List<GoldDoc> docs = read(gold);
    var out = new ArrayList<String>(Math.min(n, docs.size()));
    double step = Math.max(1.0, docs.size() / (double) Math.max(1, n));
    for (double i = step / 2; i < docs.size() && out.size() < n; i += step) {
      out.add(docs.get((int) i).text());
    }
    return out;
  }

  /**
   * Reads the labelled lines of a gold file; unlabelled or unreadable lines are skipped. A file that
   * is not UTF-8 (or a folder) fails with a message naming it and, for bytes, the line.
   */
  static List<GoldDoc> read(Path gold) throws IOException {
    return readGold(gold).docs();
  }

  /** A gold file's labelled documents, and how many lines were skipped as broken. */
  record Gold(List<GoldDoc> docs, int notJson, int badLabel) {}

  static Gold readGold(Path gold) throws IOException {
    if (Files.isDirectory(gold)) {
      throw new IOException(gold + " is a folder: give a gold JSONL file (format: shared/formats/gold.md)");
    }
    var out = new ArrayList<GoldDoc>();
    int lineNo = 0;
    int notJson = 0;
    int badLabel = 0;
    int firstNotJson = 0;
    int firstBadLabel = 0;
    try (BufferedReader r = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      String line;
      while ((line = readLine(r, gold)) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          if (notJson++ == 0) firstNotJson = lineNo;
          continue;
        }
        JsonNode text = node.get("text");
        JsonNode label = node.get("sentiment");
        if (text == null || label == null || !text.isTextual() || !label.isTextual()) {
          continue; // a line without a label (e.g. a topics-only record) is not for this eval
        }
        Polarity p =
            switch (label.asText().toLowerCase(Locale.ROOT)) {
              case "negative" -> Polarity.NEGATIVE;
              case "neutral" -> Polarity.NEUTRAL;
              case "positive" -> Polarity.POSITIVE;
              default -> null;
            };
        if (p != null) {
          out.add(new GoldDoc(text.asText(), p));
        } else if (badLabel++ == 0) {
          firstBadLabel = lineNo;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (notJson > 0 || badLabel > 0) {
      LOG.warn("{}: skipped {} line(s) that are not JSON{} and {} whose sentiment is not negative, neutral or"
              + " positive{}; they are not measured", gold.getFileName(), notJson,
          notJson > 0 ? " (first: line " + firstNotJson + ")" : "", badLabel,
          badLabel > 0 ? " (first: line " + firstBadLabel + ")" : "");
    }
    return new Gold(out, notJson, badLabel);
  }

  private static String readLine(BufferedReader r, Path gold) throws IOException {
    try {
      return r.readLine();
    } catch (CharacterCodingException e) {
      throw new IOException(
          gold + " is not UTF-8 (line " + firstNonUtf8Line(gold) + "): re-export it as UTF-8"
              + " (e.g. iconv -f latin1 -t utf-8)", e);
    }
  }

  /** The 1-based line holding the first bytes that are not UTF-8 (the decoder reads ahead). */
  private static long firstNonUtf8Line(Path file) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      var bytes = new java.io.ByteArrayOutputStream();
      long line = 1;
      for (int b = in.read(); ; b = in.read()) {
        if (b == '\n' || b < 0) {
          try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
          } catch (CharacterCodingException e) {
            return line;
          }
          if (b < 0) return line;
          bytes.reset();
          line++;
        } else {
          bytes.write(b);
        }
      }
    }
  }
}
