package dev.verbatim.pipeline.annotate.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Word and phrase valences on VADER's -4..+4 scale: VADER's MIT-licensed lexicon (read from the
 * {@code vader-sentiment-analyzer} jar) overlaid with Verbatim's hand-written {@code
 * additions.tsv}. Immutable once built; share it.
 */
final class Lexicon {

  static final String VADER_RESOURCE = "/vader_sentiment_lexicon.txt";
  static final String ADDITIONS_RESOURCE = "/dev/verbatim/pipeline/annotate/lexicon/additions.tsv";

  /** A multi-word cue, e.g. "charged twice". */
  record Phrase(String[] words, double valence) {}

  private final Map<String, Double> words;
  private final Map<String, List<Phrase>> phrasesByFirstWord;

  private Lexicon(Map<String, Double> words, Map<String, List<Phrase>> phrases) {
    this.words = Map.copyOf(words);
    this.phrasesByFirstWord = Map.copyOf(phrases);
  }

  /**
   * Loads both resources from the class path.
   *
   * @throws IllegalStateException if VADER's lexicon is missing: add the {@code
   *     com.github.apanimesh061:vader-sentiment-analyzer} dependency
   */
  static Lexicon load() {
    var words = new HashMap<String, Double>(16_384);
    var phrases = new HashMap<String, List<Phrase>>();
    read(VADER_RESOURCE, words, phrases, true);
    read(ADDITIONS_RESOURCE, words, phrases, false);
    readDistilled(words);
    // Longest phrases first, so "cancel my subscription" wins over a shorter cue at the same word.
    phrases.values().forEach(l -> l.sort((a, b) -> b.words().length - a.words().length));
    phrases.replaceAll((k, v) -> List.copyOf(v));
    return new Lexicon(words, phrases);
  }

  private static void read(
      String resource, Map<String, Double> words, Map<String, List<Phrase>> phrases, boolean vader) {
    InputStream in = Lexicon.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "sentiment lexicon "
              + resource
              + " is not on the class path; add com.github.apanimesh061:vader-sentiment-analyzer"
              + " (VADER's lexicon) and nlp-pipeline's resources");
    }
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || !vader && line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 2) {
          continue;
        }
        double v;
        try {
          v = Double.parseDouble(f[1].strip());
        } catch (NumberFormatException e) {
          continue;
        }
        String term = f[0].strip().toLowerCase(Locale.ROOT);
        if (!vader && term.indexOf(' ') > 0) {
          String[] parts = term.split(" +");
          phrases.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Phrase(parts, v));
        } else if (vader) {
          words.putIfAbsent(term, v);
        } else {
          words.put(term, v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static final String DISTILLED_RESOURCE =
      "/dev/verbatim/pipeline/annotate/lexicon/corenlp-words.tsv";
  /** Distilled words weaker than this (on [-1, 1]) are ignored: the middle of the file is noise. */
  static final double DISTILLED_MIN = 0.4;
  /** Distilled value to VADER's scale (VADER's words regress on it with slope ~3.7; damped). */
  static final double DISTILLED_SCALE = 4.0;

  /**
   * Adds the words distilled from CoreNLP's model ({@code corenlp.CoreNlpLexiconDistiller}) that
   * VADER and the additions lack; it never overrides them.
   */
  private static void readDistilled(Map<String, Double> words) {
    InputStream in = Lexicon.class.getResourceAsStream(DISTILLED_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "sentiment lexicon " + DISTILLED_RESOURCE + " is not on the class path (nlp-pipeline's"
              + " resources)");
    }
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (line.startsWith("#") || f.length < 2) {
          continue;
        }
        double e;
        try {
          e = Double.parseDouble(f[1]);
        } catch (NumberFormatException ex) {
          continue;
        }
        if (Math.abs(e) >= DISTILLED_MIN) {
          words.putIfAbsent(f[0], DISTILLED_SCALE * e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DISTILLED_RESOURCE, e);
    }
  }

  /** The valence of a lower-cased word or emoticon, or {@code null} if it carries none. */
  @Nullable Double valence(String lower) {
    return words.get(lower);
  }

  /** Phrases that start with {@code lower}, longest first; empty if none. */
  List<Phrase> phrasesStartingWith(String lower) {
    return phrasesByFirstWord.getOrDefault(lower, List.of());
  }

  int size() {
    return words.size();
  }
}
