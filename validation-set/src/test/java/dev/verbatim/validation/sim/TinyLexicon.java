package dev.verbatim.validation.sim;

import dev.verbatim.validation.ScoredText;
import dev.verbatim.validation.SentimentLabel;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small hand-written lexicon scorer (test scope only): a stand-in for the real
 * sentiment scorer, which is built elsewhere, so the simulation has a base prediction to check and
 * to learn from. Word scores were written by hand, not fitted to any data.
 */
final class TinyLexicon implements Function<String, ScoredText> {
  private static final Map<String, Double> WORDS = Map.ofEntries(
      Map.entry("good", 1.5), Map.entry("great", 2.5), Map.entry("love", 2.5), Map.entry("loved", 2.5),
      Map.entry("awesome", 3.0), Map.entry("amazing", 3.0), Map.entry("excellent", 3.0), Map.entry("best", 2.5),
      Map.entry("thanks", 1.5), Map.entry("thank", 1.5), Map.entry("thx", 1.5), Map.entry("appreciate", 2.0),
      Map.entry("nice", 1.5), Map.entry("happy", 2.0), Map.entry("glad", 1.5), Map.entry("fantastic", 3.0),
      Map.entry("wonderful", 3.0), Map.entry("perfect", 2.5), Map.entry("helpful", 2.0), Map.entry("friendly", 2.0),
      Map.entry("easy", 1.0), Map.entry("fast", 1.0), Map.entry("enjoy", 2.0), Map.entry("enjoyed", 2.0),
      Map.entry("recommend", 1.5), Map.entry("fun", 1.5), Map.entry("beautiful", 2.5), Map.entry("well", 0.5),
      Map.entry("works", 1.0), Map.entry("worth", 1.5), Map.entry("kudos", 2.5), Map.entry("yay", 2.0),
      Map.entry("bad", -2.0), Map.entry("terrible", -3.0), Map.entry("awful", -3.0), Map.entry("horrible", -3.0),
      Map.entry("worst", -3.0), Map.entry("hate", -3.0), Map.entry("poor", -2.0), Map.entry("rude", -2.5),
      Map.entry("delayed", -1.5), Map.entry("delay", -1.5), Map.entry("delays", -1.5), Map.entry("cancelled", -1.5),
      Map.entry("canceled", -1.5), Map.entry("lost", -1.5), Map.entry("late", -1.0), Map.entry("wait", -1.0),
      Map.entry("waiting", -1.0), Map.entry("stuck", -1.5), Map.entry("never", -1.0), Map.entry("problem", -1.5),
      Map.entry("issue", -1.0), Map.entry("broken", -2.0), Map.entry("fail", -2.0), Map.entry("failed", -2.0),
      Map.entry("disappointed", -2.5), Map.entry("disappointing", -2.5), Map.entry("annoying", -2.0),
      Map.entry("ridiculous", -2.5), Map.entry("unacceptable", -3.0), Map.entry("useless", -2.5),
      Map.entry("waste", -2.5), Map.entry("boring", -2.0), Map.entry("stupid", -2.5), Map.entry("sucks", -2.5),
      Map.entry("angry", -2.5), Map.entry("frustrated", -2.5), Map.entry("frustrating", -2.5),
      Map.entry("refund", -0.5), Map.entry("missed", -1.5), Map.entry("hours", -0.5), Map.entry("hold", -0.5),
      Map.entry("dirty", -2.0), Map.entry("slow", -1.5), Map.entry("worse", -2.0), Map.entry("sorry", -0.5),
      Map.entry("wrong", -1.5), Map.entry("nothing", -0.5), Map.entry("mess", -2.0), Map.entry("joke", -1.5));
  private static final Set<String> NEGATORS = Set.of("not", "no", "never", "don't", "dont", "didn't", "didnt",
      "isn't", "isnt", "wasn't", "wasnt", "can't", "cant", "won't", "doesn't", "doesnt");
  private static final Pattern TOKEN = Pattern.compile("[:;]-?[)(dp]|[\\p{L}']+");

  private final boolean negation;
  private final double threshold;

  /** @param negation flip words within three tokens after a negator; @param threshold neutral band */
  TinyLexicon(boolean negation, double threshold) {
    this.negation = negation;
    this.threshold = threshold;
  }

  @Override
  public ScoredText apply(String text) {
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    double sum = 0;
    int sinceNegator = 99;
    while (m.find()) {
      String t = m.group();
      sinceNegator++;
      if (NEGATORS.contains(t)) {
        sinceNegator = 0;
        continue;
      }
      double v = t.startsWith(":") || t.startsWith(";")
          ? (t.endsWith("(") ? -2 : 2)
          : WORDS.getOrDefault(t, 0.0);
      if (negation && sinceNegator <= 3) {
        v = -0.7 * v;
      }
      sum += v;
    }
    double score = sum / Math.sqrt(sum * sum + 15); // VADER-style normalization to (-1, 1)
    SentimentLabel label = score > threshold ? SentimentLabel.POSITIVE
        : score < -threshold ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    double confidence = label == SentimentLabel.NEUTRAL ? 1 - Math.abs(score) / threshold * 0.5 : 0.5 + Math.abs(score) / 2;
    return new ScoredText(text, label, score, Math.max(0, Math.min(1, confidence)));
  }
}
