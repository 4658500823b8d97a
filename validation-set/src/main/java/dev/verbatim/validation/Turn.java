package dev.verbatim.validation;

import static java.util.Objects.requireNonNull;

/**
 * One turn of a conversation, shown to reviewers as context around the customer's words (the
 * redacted turns the index stores; only customer turns are scored).
 *
 * @param speaker {@code customer}, {@code agent} or {@code bot}
 * @param text the redacted words of the turn
 */
public record Turn(String speaker, String text) {
  public Turn {
    requireNonNull(speaker, "speaker");
    requireNonNull(text, "text");
  }
}
