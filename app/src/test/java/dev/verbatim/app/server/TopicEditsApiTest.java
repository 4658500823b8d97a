package dev.verbatim.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.PipelineRun;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.app.Workspace;
import dev.verbatim.app.demo.DemoCorpus;
import dev.verbatim.app.demo.DemoSettings;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.topics.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging topics from the web API on a workspace a real run produced: the taxonomy records it, the
 * index is re-tagged, and the same server's next answers show it without a restart.
 */
class TopicEditsApiTest {
  @TempDir Path dir;

  @Test
  void mergeRetagsTheIndexAndTheServerShowsItAtOnce() throws Exception {
    Path corpus = dir.resolve("in");
    DemoCorpus.generate(DemoSettings.defaults().withRecords(1000), corpus);
    Workspace ws = new Workspace(dir.resolve("ws"));
    PipelineRun.execute(ws, new PipelineRun.Options(
            Stream.of("tickets.json", "chats.json", "reviews.csv", "survey.csv").map(corpus::resolve).toList(),
            null, null, corpus.resolve("accounts.csv"), corpus.resolve("outcomes.csv"), 2, 50_000, false)
        .withTopics(new PipelineRun.TopicOptions(true, false, new TopicWorkspace.FitSettings(6, "minilm", 42, 300))),
        ProgressListener.NONE);
    List<Topic> topics = new TopicWorkspace(ws).current().orElseThrow().tagger().model().topics();
    String a = topics.get(0).id().value();
    String b = topics.get(1).id().value();

    try (VerbatimServer server = VerbatimServer.forWorkspace(ws, ServerOptions.local(0).withRate(1000, 1000)).start()) {
      Http api = new Http(server.port()).with("Cookie", "vb_csrf=tok").with("X-CSRF-Token", "tok");
      assertTrue(ids(api).contains(b), "before the merge");
      long before = api.get("/api/search?q=topic:" + b).json().path("total").asLong();
      assertTrue(before > 0);

      Http.Answer merged = api.post("/api/topics/merge", "{\"into\":\"" + a + "\",\"from\":[\"" + b + "\"]}");
      assertEquals(200, merged.status(), merged.raw().body());
      assertTrue(merged.json().path("retagged").asLong() > 0);

      assertFalse(ids(api).contains(b), "the same server lists the merged topic no more");
      assertEquals(0, api.get("/api/search?q=topic:" + b).json().path("total").asLong(), "search reads the re-tagged index");
      assertEquals(400, api.post("/api/topics/merge", "{\"into\":\"" + a + "\",\"from\":[\"" + a + "\"]}").status());
      assertEquals(400, api.post("/api/topics/merge", "{\"into\":\"" + a + "\",\"from\":[\"nope\"]}").status());
      assertEquals(400, api.post("/api/topics/merge", "{\"into\":\"" + a + "\"}").status());
      assertEquals(403, new Http(server.port()).post("/api/topics/merge", "{}").status(), "no CSRF token");

      // a split refits with the current K: the other topics stay, the split topic gains one part
      TopicWorkspace space = new TopicWorkspace(ws);
      int fitted = space.fittedTopics();
      Http.Answer split = api.post("/api/topics/split", "{\"topic\":\"" + a + "\"}");
      assertEquals(200, split.status(), split.raw().body());
      assertEquals(fitted, space.fittedTopics(), "the refit for a split keeps K");
      if (split.json().path("split").asBoolean()) {
        String part = split.json().path("part").asText();
        assertTrue(ids(api).contains(part) && ids(api).contains(a), "both halves listed: " + ids(api));
      }
    }
  }

  private static List<String> ids(Http api) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode t : api.get("/api/topics").json().path("topics")) out.add(t.path("id").asText());
    return out;
  }
}
