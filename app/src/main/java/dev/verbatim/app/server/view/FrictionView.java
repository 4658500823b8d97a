package dev.verbatim.app.server.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The friction report: which problems grow and what they cost. Seam: {@link
 * WorkspaceFrictionView} serves the files {@code ./verbatim report friction} writes into the
 * workspace ({@code reports/friction.json}, {@code reports/friction.html}); an implementation over
 * the trends module can compute it on demand instead.
 */
public interface FrictionView {
  /** The report as JSON; empty when none was made. */
  Optional<JsonNode> json() throws IOException;

  /** The report as one self-contained HTML page; empty when none was made. */
  Optional<byte[]> html() throws IOException;
}
