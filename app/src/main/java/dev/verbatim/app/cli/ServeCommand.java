package dev.verbatim.app.cli;

import dev.verbatim.app.Workspace;
import dev.verbatim.app.server.ServerBench;
import dev.verbatim.app.server.ServerOptions;
import dev.verbatim.app.server.VerbatimServer;
import dev.verbatim.app.server.security.AccessTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim serve}: the web UI and JSON API over a workspace. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve the web UI (search, topics, friction report, labelling) and the JSON API under /api/",
      "for a workspace. Listens on 127.0.0.1 only unless --bind says otherwise; any other address",
      "needs --tokens FILE, one token a line: ROLE NAME SECRET (roles: analyst, reviewer; secrets of",
      "24+ characters, e.g. from `openssl rand -hex 24`). Reviewers can label and read the queue only.",
      "",
      "Examples:",
      "  ./verbatim serve --workspace verbatim-data",
      "  ./verbatim serve --workspace verbatim-data --bind 0.0.0.0 --port 8080 --tokens tokens.txt",
      "  ./verbatim serve --workspace verbatim-data --bench 2000"
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, paramLabel = "DIR",
      description = "workspace folder (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--port", defaultValue = "7070", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
  String bind = "127.0.0.1";

  @Option(names = "--tokens", paramLabel = "FILE", description = "access tokens, one a line: ROLE NAME SECRET")
  @Nullable Path tokens;

  @Option(names = "--rate", defaultValue = "50", paramLabel = "N",
      description = "requests per second per client address (default: ${DEFAULT-VALUE}; bursts of 4x)")
  double rate = 50;

  @Option(names = "--bench", paramLabel = "N",
      description = "instead of serving: start on a free loopback port, time N requests per endpoint and page, print p50/p99, stop")
  @Nullable Integer bench;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Workspace ws = new Workspace(workspace);
    AccessTokens t = tokens == null ? null : AccessTokens.read(tokens);
    if (bench != null) {
      ServerBench.run(ws, bench, System.out);
      return ExitCodes.OK;
    }
    ServerOptions options = new ServerOptions(bind, port, t, ServerOptions.DEFAULT_MAX_BODY, rate,
        (int) Math.max(1, Math.ceil(rate * 4)));
    serve(ws, options, System.out);
    return ExitCodes.OK;
  }

  /** Starts the server, prints where it is, and serves until Ctrl-C. */
  static void serve(Workspace ws, ServerOptions options, PrintStream out) throws IOException, InterruptedException {
    VerbatimServer server = VerbatimServer.forWorkspace(ws, options).start();
    out.printf("Verbatim is serving %s at %s%n", ws.root(), server.url());
    out.println(options.tokens() == null
        ? "  this machine only, no token needed; Ctrl-C stops"
        : "  access tokens required (" + options.tokens().size() + " known); Ctrl-C stops");
    out.flush();
    server.awaitShutdown();
  }
}
