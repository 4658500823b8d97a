package dev.verbatim.app.server.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code reports/friction.json} and {@code reports/friction.html} from a workspace, each request. */
public final class WorkspaceFrictionView implements FrictionView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path reports;

  /** @param reports the workspace's {@code reports/} folder */
  public WorkspaceFrictionView(Path reports) {
    this.reports = reports;
  }

  @Override
  public Optional<JsonNode> json() throws IOException {
    Path f = reports.resolve("friction.json");
    return Files.isRegularFile(f) ? Optional.of(JSON.readTree(f.toFile())) : Optional.empty();
  }

  @Override
  public Optional<byte[]> html() throws IOException {
    Path f = reports.resolve("friction.html");
    return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
  }
}
