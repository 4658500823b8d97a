package dev.verbatim.pipeline.annotate.corenlp;

import edu.stanford.nlp.neural.NeuralUtils;
import edu.stanford.nlp.neural.SimpleTensor;
import edu.stanford.nlp.sentiment.SentimentModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.simple.SimpleMatrix;

/**
 * Distils a word lexicon from CoreNLP's sentiment model (no gold data, no text corpus): each word
 * of the RNTN's vocabulary is put in three evaluative frames, composed with the network's own
 * tensor layer exactly as CoreNLP composes a parse, and scored at the root:
 *
 * <pre>((the film) (is W))   ((it) (is (a W)))   ((the film) W)</pre>
 *
 * The word's value is the mean expected class (-1, -0.5, 0, 0.5, 1 over CoreNLP's five classes) of
 * the three roots. A word alone (the leaf) is not used: the leaf classifier is noisy (it calls
 * "me" positive), composition smooths it. The lexicon scorer uses these values only for words
 * VADER and Verbatim's additions lack, above a strength threshold.
 *
 * <p>Regenerate the shipped resource with:
 *
 * <pre>mvn -q -pl nlp-pipeline compile exec:java \
 *   -Dexec.mainClass=dev.verbatim.pipeline.annotate.corenlp.CoreNlpLexiconDistiller \
 *   -Dexec.args=nlp-pipeline/src/main/resources/dev/verbatim/pipeline/annotate/lexicon/corenlp-words.tsv</pre>
 */
public final class CoreNlpLexiconDistiller {

  private static final String MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
  /** Words weaker than this are left out of the file (the scorer uses a higher threshold). */
  static final double KEEP = 0.25;

  private final SentimentModel model;

  CoreNlpLexiconDistiller(SentimentModel model) {
    this.model = model;
  }

  /** Writes the lexicon to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CoreNlpLexiconDistiller OUT.tsv");
      System.exit(2);
    }
    var d = new CoreNlpLexiconDistiller(SentimentModel.loadSerialized(MODEL));
    Map<String, Double> lexicon = d.distil();
    var sb = new StringBuilder();
    sb.append("# Word valences distilled from CoreNLP ").append("4.5.10")
        .append("'s sentiment RNTN by CoreNlpLexiconDistiller (see its javadoc for the command).\n")
        .append("# word <TAB> mean expected class in [-1, 1] over three evaluative frames; |v| >= ")
        .append(KEEP).append(". Derived from a GPL model.\n");
    lexicon.forEach((w, v) -> sb.append(w).append('\t')
        .append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
    Files.writeString(Path.of(args[0]), sb, StandardCharsets.UTF_8);
    System.err.println("wrote " + lexicon.size() + " words to " + args[0]);
  }

  /** Lower-cased word to its frame score; a lower-case vocabulary entry wins over a capitalised one. */
  Map<String, Double> distil() {
    SimpleMatrix theFilm = join(leaf("the"), leaf("film"));
    SimpleMatrix it = leaf("it");
    SimpleMatrix is = leaf("is");
    SimpleMatrix a = leaf("a");
    var out = new TreeMap<String, Double>();
    for (String w : model.wordVectors.keySet()) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (!lower.equals(w) && model.wordVectors.containsKey(lower)) {
        continue;
      }
      SimpleMatrix x = leaf(w);
      double s =
          (score(join(theFilm, join(is, x))) + score(join(it, join(is, join(a, x))))
                  + score(join(theFilm, x)))
              / 3;
      if (Math.abs(s) >= KEEP && lower.chars().allMatch(c -> c == '-' || c == '\'' || Character.isLetter(c))) {
        out.put(lower, s);
      }
    }
    return out;
  }

  private SimpleMatrix leaf(String w) {
    return NeuralUtils.elementwiseApplyTanh(model.getWordVector(w));
  }

  /** One binary node of the RNTN: tanh(W [l; r; 1] + [l; r]^T V [l; r]). */
  private SimpleMatrix join(SimpleMatrix l, SimpleMatrix r) {
    SimpleMatrix w = model.getBinaryTransform("", "");
    SimpleTensor t = model.getBinaryTensor("", "");
    SimpleMatrix out = w.mult(NeuralUtils.concatenateWithBias(l, r));
    if (t != null) {
      out = out.plus(t.bilinearProducts(NeuralUtils.concatenate(l, r)));
    }
    return NeuralUtils.elementwiseApplyTanh(out);
  }

  /** Expected class of a node, weights -1, -0.5, 0, 0.5, 1. */
  private double score(SimpleMatrix node) {
    SimpleMatrix p =
        NeuralUtils.softmax(model.getUnaryClassification("").mult(NeuralUtils.concatenateWithBias(node)));
    return -p.get(0) - 0.5 * p.get(1) + 0.5 * p.get(3) + p.get(4);
  }
}
