package dev.verbatim.app.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One theme of the demo corpus: its id (the ground-truth label), a readable name, the keywords a
 * test may count in raw text, how often customers raise it in each {@link Tone}, and its phrase
 * pools. Immutable.
 */
record Theme(
    String id,
    String name,
    List<String> keywords,
    Map<Tone, Integer> toneWeights,
    Map<Tone, List<Template>> pools,
    List<Template> subjects,
    List<Template> agentReplies,
    Map<String, List<Template>> foreign) {

  /** How a message talks about a theme. */
  enum Tone {
    /** A complaint. */
    NEG,
    /** A complaint dressed as praise; reads negative. */
    SARC,
    /** Praise. */
    POS,
    /** A request or question; neutral. */
    REQ;

    /** The sentiment a reader would give a sentence in this tone. */
    String polarity() {
      return switch (this) {
        case NEG, SARC -> "negative";
        case POS -> "positive";
        case REQ -> "neutral";
      };
    }
  }

  Theme {
    // Unmodifiable views over sorted maps, never Map.copyOf: its iteration order varies per JVM run.
    toneWeights = Collections.unmodifiableMap(new EnumMap<>(toneWeights));
    pools = Collections.unmodifiableMap(new EnumMap<>(pools));
    keywords = List.copyOf(keywords);
    subjects = List.copyOf(subjects);
    agentReplies = List.copyOf(agentReplies);
    foreign = Collections.unmodifiableMap(new TreeMap<>(foreign));
  }

  /** Draws a tone from this theme's weights, restricted to tones it has phrases for. */
  Tone drawTone(SplittableRandom rnd) {
    int total = 0;
    for (Tone t : Tone.values()) total += weightOf(t);
    int x = rnd.nextInt(total);
    for (Tone t : Tone.values()) {
      x -= weightOf(t);
      if (x < 0) return t;
    }
    throw new AssertionError();
  }

  boolean has(Tone t) {
    return pools.containsKey(t);
  }

  private int weightOf(Tone t) {
    return has(t) ? toneWeights.getOrDefault(t, 0) : 0;
  }

  /** Languages with at least one phrase, as tags like {@code "es"}. */
  boolean speaks(String lang) {
    return foreign.containsKey(lang + "-") || foreign.containsKey(lang + "+");
  }
}
