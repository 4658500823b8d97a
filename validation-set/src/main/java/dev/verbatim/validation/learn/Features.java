package dev.verbatim.validation.learn;

import dev.verbatim.validation.ScoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a text and the base scorer's output into hashed sparse features: lower-cased word unigrams
 * and bigrams with negation scope marking ("not good" gives NOT_good), emoticons, URL / user /
 * number placeholders, punctuation cues, optionally the base scorer's label, score and
 * confidence, and optionally the text's sentence embedding as dense features. Stateless, thread-safe; bounded work on megabyte texts (first 20,000 chars).
 */
final class Features {
  static final int MAX_CHARS = 20_000;
  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
  private static final Pattern USER = Pattern.compile("@\\w+");
  private static final Pattern TOKEN =
      Pattern.compile("[:;=]-?[)(dpo/\\\\|]|<3|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?|[!?.,]");
  private static final java.util.Set<String> NEGATORS = java.util.Set.of(
      "not", "no", "never", "nothing", "nobody", "none", "cannot", "cant", "can't", "won't", "wont",
      "don't", "dont", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt", "aren't", "doesn't",
      "doesnt", "couldn't", "shouldn't", "haven't", "hasn't", "without");

  private final int dim;
  private final boolean text;
  private final boolean base;
  private final boolean charGrams;

  private final @Nullable TextEmbeddings embeddings;
  private final double embeddingScale;
  private final float @Nullable [] center;

  Features(int dim, boolean text, boolean base, boolean charGrams) {
    this(dim, text, base, charGrams, null, 0);
  }

  Features(int dim, boolean text, boolean base, boolean charGrams, @Nullable TextEmbeddings embeddings,
      double embeddingScale) {
    this(dim, text, base, charGrams, embeddings, embeddingScale, null);
  }

  /**
   * With {@code center}, each sentence embedding is moved by minus that vector (the mean embedding
   * of the texts the model was trained among) and made unit length again before scaling.
   */
  Features(int dim, boolean text, boolean base, boolean charGrams, @Nullable TextEmbeddings embeddings,
      double embeddingScale, float @Nullable [] center) {
    this.center = center;
    this.embeddings = embeddings;
    this.embeddingScale = embeddingScale;
    this.dim = dim;
    this.text = text;
    this.base = base;
    this.charGrams = charGrams;
  }

  /** The features the options ask for. */
  static Features of(LabelTrainedSentiment.Options o) {
    return of(o, null);
  }

  /** The features the options ask for, embeddings centred on {@code center} when given. */
  static Features of(LabelTrainedSentiment.Options o, float @Nullable [] center) {
    return new Features(o.dimension(), o.textFeatures(), o.baseFeatures(), o.charGrams(),
        o.embeddings() ? TextEmbeddings.shipped() : null, o.embeddingScale(), center);
  }

  /** One feature: a bucket and a value. */
  record F(int index, double value) {}

  List<F> of(ScoredText in) {
    List<F> out = new ArrayList<>();
    out.add(new F(hash("__bias"), 1));
    if (text) {
      String s = in.text().length() > MAX_CHARS ? in.text().substring(0, MAX_CHARS) : in.text();
      s = USER.matcher(URL.matcher(s).replaceAll(" _url_ ")).replaceAll(" _user_ ");
      List<String> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(s);
      boolean negated = false;
      int exclaim = 0;
      while (m.find()) {
        String t = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
        if (t.equals("!")) {
          exclaim++;
        }
        if (t.equals(".") || t.equals(",") || t.equals("!") || t.equals("?")) {
          negated = false;
          tokens.add(t);
          continue;
        }
        if (t.chars().allMatch(Character::isDigit)) {
          t = "_num_";
        }
        tokens.add(negated ? "NOT_" + t : t);
        if (NEGATORS.contains(t) || t.endsWith("n't")) {
          negated = true;
        }
      }
      String prev = "_start_";
      for (String t : tokens) {
        out.add(new F(hash("w=" + t), 1));
        if (charGrams && t.length() >= 4 && !t.startsWith("_")) {
          // sub-word pieces: "delayed" shares "elay" with "delays", misspellings keep most pieces
          String padded = "<" + t + ">";
          for (int len = 3; len <= 5; len++) {
            for (int i = 0; i + len <= padded.length(); i++) {
              out.add(new F(hash("c=" + padded.substring(i, i + len)), 0.3));
            }
          }
        }
        out.add(new F(hash("b=" + prev + " " + t), 1));
        prev = t;
      }
      if (exclaim > 0) {
        out.add(new F(hash("__exclaim"), Math.min(3, exclaim) / 3.0));
      }
      out.add(new F(hash("__len"), Math.min(1.0, tokens.size() / 40.0)));
    }
    if (base) {
      String l = in.predicted().wire();
      out.add(new F(hash("__base=" + l), 1));
      out.add(new F(hash("__base_conf=" + l), clamp(in.confidence(), 0, 1)));
      out.add(new F(hash("__base_score"), clamp(in.score(), -1, 1)));
      out.add(new F(hash("__base_score_pos"), Math.max(0, clamp(in.score(), -1, 1))));
      out.add(new F(hash("__base_score_neg"), Math.max(0, -clamp(in.score(), -1, 1))));
    }
    if (embeddings != null) {
      float[] v = embeddings.of(in.text());
      double norm = 1;
      float[] c = center;
      if (c != null) {
        if (c.length != v.length) {
          throw new IllegalStateException("the model's mean embedding has " + c.length
              + " dimensions, the encoder gives " + v.length + ": the model file is damaged or from another"
              + " encoder; run `validate learn` again");
        }
        double sq = 0;
        for (int i = 0; i < v.length; i++) {
          double x = v[i] - c[i];
          sq += x * x;
        }
        norm = sq > 0 ? Math.sqrt(sq) : 1;
      }
      for (int i = 0; i < v.length; i++) {
        double x = c == null ? v[i] : (v[i] - c[i]) / norm;
        out.add(new F(hash("__emb" + i), x * embeddingScale));
      }
    }
    return out;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** A stable hash (String.hashCode is specified) mixed with MurmurHash3's finalizer. */
  int hash(String feature) {
    int h = feature.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, dim);
  }
}
