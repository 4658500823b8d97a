package dev.verbatim.pipeline.redact;

import java.util.Locale;

/** A kind of personal data and the placeholder that stands in for it, e.g. {@code [EMAIL]}. */
public enum PiiType {
  /** E-mail address, also written "name at domain dot com". */
  EMAIL,
  /** Phone number in national or international format. */
  PHONE,
  /** Payment card number (Luhn-checked), with or without spaces or dashes. */
  CARD,
  /** IBAN, checked by its length per country and its mod-97 checksum. */
  IBAN,
  /** US social security number. */
  SSN,
  /** IPv4 or IPv6 address. */
  IP,
  /** URL carrying a token, an e-mail address, a phone number or a personal identifier. */
  URL,
  /** Street address. */
  ADDRESS,
  /** Person's name. */
  PERSON;

  /** The placeholder written in place of the value, e.g. {@code [EMAIL]}. */
  public String placeholder() {
    return "[" + name() + "]";
  }

  /** The type's name as {@link dev.verbatim.pipeline.PiiSpan#type()} holds it, e.g. {@code EMAIL}. */
  public String label() {
    return name().toUpperCase(Locale.ROOT);
  }
}
