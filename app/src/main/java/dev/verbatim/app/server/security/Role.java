package dev.verbatim.app.server.security;

import java.util.Locale;

/**
 * What a token may do. Reviewers label and read the review queue, nothing else: no search, no
 * record reads outside the queue, no export. Analysts may do everything, labelling included.
 */
public enum Role {
  /** Labels samples: the labelling page and {@code /api/review/*}. */
  REVIEWER,
  /** Searches, exports, reads reports and topics, renames topics, and labels. */
  ANALYST;

  /** Parses {@code reviewer} or {@code analyst}. */
  public static Role parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "reviewer" -> REVIEWER;
      case "analyst" -> ANALYST;
      default -> throw new IllegalArgumentException("unknown role '" + text + "'; use reviewer or analyst");
    };
  }

  /** The wire name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
