package dev.verbatim.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which records a report quotes for a topic: of the candidates (newest first), those that speak
 * for the topic come first, and the newest of those. A record speaks for the topic when the topic
 * is its main one (first of its tags), it has no other topic, and its text is a readable quote
 * (40 to {@value Verbatim#MAX_CHARS} chars, so neither "broken." nor a cut-off page). Before this, a
 * report quoted the newest records that merely mentioned the topic, often a long ticket about
 * something else with one sentence on it. A readable length weighs most: a two-word quote says
 * little however focused.
 */
final class VerbatimChoice {
  static final int MIN_CHARS = 40;

  private VerbatimChoice() {}

  /** A candidate: its quote, and its topics, most relevant first. */
  record Candidate(Verbatim verbatim, List<String> topics) {}

  /** Up to {@code n} quotes about {@code topic} with distinct texts; {@code newestFirst} as read. */
  static List<Verbatim> choose(List<Candidate> newestFirst, String topic, int n) {
    List<Candidate> ranked = new ArrayList<>(newestFirst);
    ranked.sort(Comparator.comparingInt(c -> -fit(c, topic))); // stable: newest first within a tier
    List<Verbatim> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate c : ranked) {
      if (out.size() >= n) break;
      String text = c.verbatim().text();
      if (!text.isBlank() && seen.add(text)) out.add(c.verbatim());
    }
    return out;
  }

  /** 0-4: a readable length counts 2 (a two-word quote says little), main topic 1, only topic 1. */
  private static int fit(Candidate c, String topic) {
    int len = c.verbatim().text().length();
    int score = 0;
    if (!c.topics().isEmpty() && c.topics().get(0).equals(topic)) score++;
    if (c.topics().size() == 1) score++;
    if (len >= MIN_CHARS && len < Verbatim.MAX_CHARS) score += 2;
    return score;
  }
}
