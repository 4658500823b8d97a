package dev.verbatim.app.cli;

import dev.verbatim.app.Embeddings;
import dev.verbatim.app.Workspace;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim embed}: gives records indexed without an embedding one, for semantic search. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed the records of a workspace's index that have no sentence embedding yet, so that",
      "search --semantic and --like cover them: records indexed before the first `run --embed`,",
      "or by a run with --no-embed. Uses the index's model; on an index without embeddings,",
      "--model (default minilm). Records keep everything else, including the run that wrote them.",
      "Safe to interrupt: it commits as it goes, and a second call carries on.",
      "",
      "Example:",
      "  ./verbatim embed --workspace verbatim-data",
      "  ./verbatim search --semantic \"can't link my bank\" --workspace verbatim-data"
    })
final class EmbedCommand implements Callable<Integer> {
  @Option(names = "--workspace", defaultValue = Workspace.DEFAULT, paramLabel = "DIR",
      description = "the workspace (default: ${DEFAULT-VALUE})")
  Path workspace = Path.of(Workspace.DEFAULT);

  @Option(names = "--model", paramLabel = "NAME",
      description = "minilm or bge-small; only for an index without embeddings (default: the index's model, else minilm)")
  String model;

  @Option(names = "--json", description = "print what was done as JSON")
  boolean json;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Workspace ws = new Workspace(workspace);
    Embeddings.Coverage before = Embeddings.coverage(ws);
    OnnxSentenceEncoder.Model chosen = choose(before);
    long t0 = System.nanoTime();
    long done;
    try (OnnxSentenceEncoder encoder =
            new OnnxSentenceEncoder(chosen, Runtime.getRuntime().availableProcessors());
        TerminalProgress progress = TerminalProgress.start("embed", quiet || json)) {
      done = Embeddings.backfill(ws, encoder, n -> progress.progress(n, n, before.missing()));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Embeddings.Coverage after = Embeddings.coverage(ws);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", after.model() == null ? chosen.id() : after.model());
      m.put("embedded", done);
      m.put("records", after.records());
      m.put("with_embeddings", after.embedded());
      m.put("seconds", Math.round(seconds * 10) / 10.0);
      System.out.println(Json.write(m, false));
    } else if (done == 0) {
      System.out.printf(Locale.ROOT, "All %,d records already have embeddings (%s).%n", after.records(), after.model());
    } else {
      System.out.printf(Locale.ROOT, "Embedded %,d records with %s in %.1f s (%,.0f records/s); %,d of %,d records"
              + " now have embeddings.%n", done, chosen.id(), seconds, done / Math.max(seconds, 1e-9),
          after.embedded(), after.records());
      System.out.println("Next: ./verbatim search --semantic \"your words\" --workspace " + workspace);
    }
    return ExitCodes.OK;
  }

  /** The index's model if it has one (a different --model is refused), else --model or minilm. */
  private OnnxSentenceEncoder.Model choose(Embeddings.Coverage c) {
    if (c.model() == null) return OnnxSentenceEncoder.Model.parse(model == null ? "minilm" : model);
    OnnxSentenceEncoder.Model indexed = OnnxSentenceEncoder.Model.parse(c.model());
    if (model != null && OnnxSentenceEncoder.Model.parse(model) != indexed) {
      throw new IllegalArgumentException("the index's embeddings come from " + c.model() + "; embed with --model "
          + indexed.id() + " (or leave --model out), or start a new workspace for " + model);
    }
    return indexed;
  }
}
