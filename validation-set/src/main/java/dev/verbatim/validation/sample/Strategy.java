package dev.verbatim.validation.sample;

import java.util.Locale;
import java.util.Optional;

/** How a sample is drawn. Only {@link #STRATIFIED} supports estimates for the whole population. */
public enum Strategy {
  /** Stratified random over channel x predicted sentiment x top topic, square-root allocation. */
  STRATIFIED,
  /** The records whose scorer confidence is lowest. */
  UNCERTAINTY,
  /** Records where two scorers disagree, or the topic model and a seeded theme do. */
  DISAGREEMENT,
  /** A given list of ids, e.g. the hits of a search query. */
  QUERY;

  /** The wire / CLI form, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire form ({@code targeted} is accepted for {@link #QUERY}). */
  public static Optional<Strategy> parse(String s) {
    String k = s.strip().toLowerCase(Locale.ROOT);
    if (k.equals("targeted")) {
      return Optional.of(QUERY);
    }
    for (Strategy st : values()) {
      if (st.wire().equals(k)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }

  /** Whether a sample drawn this way estimates the population (true) or only describes itself. */
  public boolean representative() {
    return this == STRATIFIED;
  }
}
