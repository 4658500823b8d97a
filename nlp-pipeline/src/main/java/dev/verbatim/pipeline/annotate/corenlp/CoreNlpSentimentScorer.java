package dev.verbatim.pipeline.annotate.corenlp;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import dev.verbatim.pipeline.annotate.Sentiment;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's recursive neural tensor network (Socher et al., EMNLP 2013) over its
 * shift-reduce constituency parser, sentence by sentence.
 *
 * <p><b>Cost.</b> Building one loads about 400 MB of models (10-20 s); build it once and share it:
 * {@link #score} is thread-safe and each call uses the calling thread (plus CoreNLP's per-sentence
 * watchdog). About 60 short documents per second per core.
 *
 * <p><b>From five classes to a document.</b> Each sentence gets CoreNLP's probabilities over
 * very negative, negative, neutral, positive, very positive. The document's distribution is their
 * token-weighted mean. Its label is the arg-max of the three collapsed classes (negative = the two
 * negative classes, positive = the two positive ones); its score is the expectation with weights
 * -1, -0.5, 0, 0.5, 1; its confidence is the collapsed probability of the chosen label (CoreNLP's
 * softmax, not recalibrated). Sentences get the same rule on their own distribution.
 *
 * <p><b>Failures.</b> A sentence that CoreNLP cannot parse within the per-sentence budget, that is
 * longer than {@link Settings#maxSentenceTokens}, or that makes CoreNLP throw, is scored by the
 * fallback scorer and counted ({@link #counters()}); a text longer than {@link Settings#maxChars}
 * goes to the fallback whole. Nothing here throws on customer text.
 */
public final class CoreNlpSentimentScorer implements SentimentScorer {

  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpSentimentScorer.class);
  private static final String VERSION = "4.5.10";
  private static final String SR_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
  private static final String SENTIMENT = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
  private static final String TAGGER =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  private static final double[] WEIGHTS = {-1, -0.5, 0, 0.5, 1};

  /**
   * How the pipeline is bounded.
   *
   * @param perSentence parse time budget per sentence
   * @param maxSentenceTokens longer sentences are not parsed (the parser is super-linear)
   * @param maxChars longer texts go to the fallback scorer whole
   */
  public record Settings(Duration perSentence, int maxSentenceTokens, int maxChars) {
    public Settings {
      requireNonNull(perSentence, "perSentence");
      if (perSentence.isNegative() || perSentence.isZero() || maxSentenceTokens < 1 || maxChars < 1) {
        throw new IllegalArgumentException("budgets must be positive");
      }
    }

    /** 2 s per sentence, 80 tokens, 20,000 characters. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(2), 80, 20_000);
    }
  }

  private final StanfordCoreNLP pipeline;
  private final SentimentScorer fallback;
  private final LongAdder documents = new LongAdder();
  private final LongAdder sentences = new LongAdder();
  private final LongAdder fallbackSentences = new LongAdder();
  private final LongAdder fallbackDocuments = new LongAdder();

  /**
   * Loads CoreNLP's models and builds the pipeline.
   *
   * @param fallback scores what CoreNLP cannot (use the lexicon scorer)
   * @throws IllegalStateException if the models are not on the class path, with the fix
   */
  public CoreNlpSentimentScorer(SentimentScorer fallback, Settings settings) {
    this.fallback = requireNonNull(fallback, "fallback");
    requireNonNull(settings, "settings");
    for (String model : List.of(SR_PARSER, SENTIMENT, TAGGER)) {
      if (CoreNlpSentimentScorer.class.getClassLoader().getResource(model) == null) {
        throw new IllegalStateException(
            "CoreNLP model "
                + model
                + " is not on the class path; add edu.stanford.nlp:stanford-corenlp:"
                + VERSION
                + " with classifiers 'models' and 'models-english' as runtime dependencies");
      }
    }
    long t0 = System.nanoTime();
    this.pipeline = new StanfordCoreNLP(properties(settings));
    LOG.info("CoreNLP sentiment pipeline loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    this.settings = settings;
  }

  private final Settings settings;

  private static Properties properties(Settings s) {
    var p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("tokenize.language", "en");
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    p.setProperty("pos.model", TAGGER);
    p.setProperty("parse.model", SR_PARSER);
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.maxlen", Integer.toString(s.maxSentenceTokens()));
    p.setProperty("parse.maxtime", Long.toString(Math.max(1, s.perSentence().toMillis())));
    p.setProperty("sentiment.model", SENTIMENT);
    return p;
  }

  @Override
  public String id() {
    return "corenlp-rntn-sr-" + VERSION;
  }

  @Override
  public Map<String, Number> counters() {
    var m = new LinkedHashMap<String, Number>();
    m.put("documents", documents.sum());
    m.put("sentences", sentences.sum());
    m.put("fallback_sentences", fallbackSentences.sum());
    m.put("fallback_documents", fallbackDocuments.sum());
    return m;
  }

  @Override
  public DocumentSentiment score(String text) {
    documents.increment();
    if (text.isBlank()) {
      return new DocumentSentiment(Sentiment.none(1.0), List.of());
    }
    if (text.length() > settings.maxChars()) {
      fallbackDocuments.increment();
      return fallback.score(text);
    }
    Annotation doc = new Annotation(text);
    try {
      pipeline.annotate(doc);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.debug("CoreNLP failed on a document of {} chars; scored by fallback", text.length(), e);
      fallbackDocuments.increment();
      return fallback.score(text);
    }
    List<CoreMap> sents = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (sents == null || sents.isEmpty()) {
      return new DocumentSentiment(Sentiment.none(1.0), List.of());
    }
    var out = new ArrayList<SentenceSentiment>(sents.size());
    var dists = new ArrayList<double[]>(sents.size());
    var weights = new ArrayList<Integer>(sents.size());
    for (CoreMap sentence : sents) {
      sentences.increment();
      int start = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      var tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      int n = tokens == null ? 1 : Math.max(1, tokens.size());
      double[] dist = distribution(sentence);
      if (dist == null) {
        fallbackSentences.increment();
        dist = fromSentiment(fallback.score(text.substring(start, end)).document());
      }
      dists.add(dist);
      weights.add(n);
      out.add(new SentenceSentiment(start, end, toSentiment(dist)));
    }
    return new DocumentSentiment(toSentiment(mean(dists, weights)), out);
  }

  /** CoreNLP's five-class distribution for a sentence, or {@code null} if it was not parsed. */
  private static double @org.jspecify.annotations.Nullable [] distribution(CoreMap sentence) {
    Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    Tree parse = sentence.get(edu.stanford.nlp.trees.TreeCoreAnnotations.TreeAnnotation.class);
    if (tree == null || parse == null || isFailedParse(parse)) {
      return null;
    }
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
    if (p == null || p.getNumElements() != 5) {
      return null;
    }
    double[] d = new double[5];
    for (int i = 0; i < 5; i++) {
      d[i] = p.get(i);
    }
    return d;
  }

  /**
   * CoreNLP marks a sentence it gave up on (too long, timed out) with a flat tree whose root is X
   * ({@code ParserUtils.xTree}); a real parse is rooted at ROOT.
   */
  private static boolean isFailedParse(Tree parse) {
    return "X".equals(parse.value());
  }

  /** Token-weighted mean of five-class distributions. */
  static double[] mean(List<double[]> dists, List<Integer> weights) {
    double[] m = new double[5];
    double total = 0;
    for (int k = 0; k < dists.size(); k++) {
      double w = weights.get(k);
      for (int i = 0; i < 5; i++) {
        m[i] += w * dists.get(k)[i];
      }
      total += w;
    }
    for (int i = 0; i < 5; i++) {
      m[i] = total == 0 ? (i == 2 ? 1 : 0) : m[i] / total;
    }
    return m;
  }

  /** The document rule: arg-max of collapsed classes, expected score, collapsed probability. */
  static Sentiment toSentiment(double[] d) {
    double neg = d[0] + d[1];
    double neu = d[2];
    double pos = d[3] + d[4];
    Polarity label;
    double conf;
    if (neg >= neu && neg >= pos) {
      label = Polarity.NEGATIVE;
      conf = neg;
    } else if (pos > neu) {
      label = Polarity.POSITIVE;
      conf = pos;
    } else {
      label = Polarity.NEUTRAL;
      conf = neu;
    }
    double score = 0;
    for (int i = 0; i < 5; i++) {
      score += WEIGHTS[i] * d[i];
    }
    return new Sentiment(label, clamp(score, -1, 1), clamp(conf, 0, 1));
  }

  /** A five-class distribution standing in for a fallback result, so it can join the mean. */
  static double[] fromSentiment(Sentiment s) {
    double c = s.confidence();
    double rest = (1 - c) / 2;
    return switch (s.label()) {
      case NEGATIVE -> new double[] {c / 2, c / 2, rest, rest / 2, rest / 2};
      case NEUTRAL -> new double[] {rest / 2, rest / 2, c, rest / 2, rest / 2};
      case POSITIVE -> new double[] {rest / 2, rest / 2, rest, c / 2, c / 2};
    };
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
  }
}
