package dev.verbatim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.app.demo.DemoCorpus;
import dev.verbatim.app.demo.DemoSettings;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.RecordFacts;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SearchResult;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.pipeline.run.RunReport;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.store.TaxonomyStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a small generated corpus (1,000 records, topics fitted on a 400-record sample) fits topics on its first pass and indexes topic
 * facets with topic-level sentiment; a second run reuses the model; a refit from the index keeps ids
 * and re-tags; an analyst's rename survives it. Uses the real MiniLM encoder (in the jar).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsRunTest {
  @TempDir static Path dir;
  static Workspace ws;
  static PipelineRun.Options options;
  static RunReport first;

  @BeforeAll
  static void firstRun() throws Exception {
    Path corpus = dir.resolve("in");
    DemoCorpus.generate(DemoSettings.defaults().withRecords(1000), corpus);
    ws = new Workspace(dir.resolve("ws"));
    options = new PipelineRun.Options(
            Stream.of("tickets.json", "chats.json", "reviews.csv", "survey.csv").map(corpus::resolve).toList(),
            null, null, corpus.resolve("accounts.csv"), corpus.resolve("outcomes.csv"), 2, 50_000, false)
        .withTopics(new PipelineRun.TopicOptions(true, false, new TopicWorkspace.FitSettings(8, "minilm", 42, 400)));
    first = PipelineRun.execute(ws, options, ProgressListener.NONE);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> topics(RunReport r) {
    return (Map<String, Object>) r.extra().get("topics");
  }

  @Test
  @Order(1)
  void firstRunFitsAndTagsWithTopicLevelSentiment() throws Exception {
    Map<String, Object> t = topics(first);
    assertEquals(1, t.get("model_version"));
    assertNotNull(t.get("fit"), "the first run fits");
    assertEquals("topics", first.stages().get(first.stages().size() - 2).name());
    long tagged = ((Number) t.get("tagged")).longValue();
    assertTrue(((Number) t.get("untagged_share")).doubleValue() < 0.25, t.toString());

    List<RecordFacts> facts = new ArrayList<>();
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      s.scan(SearchRequest.of("", 1), false, facts::add);
      SearchResult r = s.search(SearchRequest.builder("").facets(true).limit(1).build());
      assertTrue(r.facets().get("topic").size() >= 5, "topic facet: " + r.facets().get("topic"));
      String someTopic = r.facets().get("topic").keySet().iterator().next();
      assertTrue(s.search("topic_negative:" + someTopic + " OR topic_positive:" + someTopic, 1).total() > 0);
    }
    assertEquals(tagged, facts.stream().filter(f -> !f.topics().isEmpty()).count());
    // one record can praise one thing and complain about another: topic-level sentiment differs
    assertTrue(facts.stream().anyMatch(f -> !f.negativeTopics().isEmpty() && !f.positiveTopics().isEmpty()),
        "no record has both a negative and a positive topic");
    assertTrue(facts.stream().anyMatch(f -> "positive".equals(f.sentiment()) && !f.negativeTopics().isEmpty())
        || facts.stream().anyMatch(f -> "negative".equals(f.sentiment()) && !f.positiveTopics().isEmpty()));
  }

  @Test
  @Order(2)
  void secondRunInfersWithTheSavedModel() throws Exception {
    RunReport again = PipelineRun.execute(ws, options, ProgressListener.NONE);
    assertEquals(1, topics(again).get("model_version"));
    assertFalse(topics(again).containsKey("fit"));
    assertEquals(topics(first).get("tagged"), topics(again).get("tagged"));
  }

  @Test
  @Order(3)
  void refitFromTheIndexKeepsIdsAndAnalystsNames() throws Exception {
    TopicWorkspace space = new TopicWorkspace(ws);
    List<Topic> before = space.current().orElseThrow().tagger().model().topics();
    String id = before.get(0).id().value();
    TaxonomyStore store = space.taxonomyStore();
    store.save(store.load().withRename(before.get(0).id(), "Our name"));
    TopicWorkspace.Refit r = space.refitFromIndex(new TopicWorkspace.FitSettings(8, "minilm", 42, 400), "refit-1");
    assertEquals(2, r.fit().version());
    assertNotNull(r.fit().report());
    assertTrue(r.fit().report().kept().size() >= 4, "kept " + r.fit().report().kept());
    assertTrue(r.retagged() > 0);
    List<Topic> after = space.current().orElseThrow().tagger().model().topics();
    Set<String> kept = Set.copyOf(r.fit().report().kept().stream().map(k -> k.id().value()).toList());
    if (kept.contains(id)) {
      assertEquals("Our name", after.stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow().label());
    }
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      assertTrue(s.search("topic:" + after.get(0).id().value(), 1).total() > 0);
    }
  }

  /** Runs the CLI in-process and returns its stdout. */
  private static String cli(String... args) throws Exception {
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, dev.verbatim.app.cli.VerbatimCli.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  @Order(4)
  void cliRenamesMergesAndShows() throws Exception {
    String w = ws.root().toString();
    List<Topic> topics = new TopicWorkspace(ws).current().orElseThrow().tagger().model().topics();
    String a = topics.get(0).id().value();
    String b = topics.get(1).id().value();
    cli("topics", "rename", a, "Billing <b>woes</b>", "--workspace", w);
    assertEquals(2, dev.verbatim.app.cli.VerbatimCli.execute("topics", "rename", b, "billing <B>WOES</b>", "--workspace", w),
        "another topic's name: two topics of one name cannot be told apart");
    assertEquals(2, dev.verbatim.app.cli.VerbatimCli.execute("topics", "rename", b, "red\u001b[31m", "--workspace", w));
    assertFalse(java.nio.file.Files.readString(ws.topics().resolve("taxonomy.json")).contains("WOES"));
    cli("topics", "merge", a, b, "--workspace", w);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli("topics", "show", "--json", "--workspace", w));
    List<String> ids = new ArrayList<>();
    json.get("topics").forEach(t -> ids.add(t.get("id").asText()));
    assertFalse(ids.contains(b), "merged topic still shown: " + ids);
    var first = json.get("topics").get(0);
    assertEquals("Billing <b>woes</b>", first.get("label").asText());
    assertTrue(first.get("volume").asLong() > 0);
    assertTrue(first.get("verbatims").size() >= 1);
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      assertEquals(0, s.search("topic:" + b, 1).total(), "the index was re-tagged");
    }
    String table = cli("topics", "show", a, "--workspace", w);
    assertTrue(table.contains("Billing <b>woes</b>") && table.contains("negative"), table);
  }

  @Test
  @Order(5)
  void seedRefusesAQueryThatDoesNotParseBeforeSavingIt() throws Exception {
    java.nio.file.Path themes = dir.resolve("bad-query.yaml");
    java.nio.file.Files.writeString(themes, "- name: Broken\n  query: 'bank AND ((('\n");
    String w = ws.root().toString();
    assertEquals(2, dev.verbatim.app.cli.VerbatimCli.execute("topics", "seed", "--file", themes.toString(), "--no-refit",
        "--workspace", w));
    assertFalse(new TopicWorkspace(ws).taxonomyStore().load().themes().stream().anyMatch(t -> t.name().equals("Broken")),
        "a theme whose query does not parse would make every later fit fail");
  }

  @Test
  @Order(6)
  void aRefitThatLosesSplitTopicsSaysSoAndTheNextRefitKeepsK() throws Exception {
    String w = ws.root().toString();
    TopicWorkspace space = new TopicWorkspace(ws);
    TaxonomyStore store = space.taxonomyStore();
    var taxonomy = store.load();
    int part = space.snapshots().latestLexical(space.analyzer()).orElseThrow().nextId();
    List<String> split = new ArrayList<>();
    for (Topic t : space.current().orElseThrow().tagger().model().topics()) {
      if (taxonomy.renames().containsKey(t.id()) || taxonomy.merges().containsKey(t.id())) continue;
      taxonomy = taxonomy.withSplit(t.id(), dev.verbatim.topics.TopicId.of(part++));
      split.add(t.id().value());
    }
    store.save(taxonomy);
    String saved = java.nio.file.Files.readString(ws.topics().resolve("taxonomy.json"));
    // two topics for eight: the refit cannot keep every split topic
    String out = cli("topics", "fit", "--topics", "2", "--sample", "400", "--workspace", w);
    int version = space.current().orElseThrow().version();
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        ws.topics().resolve(String.format(java.util.Locale.ROOT, "refit-%06d.json", version)).toFile());
    assertEquals("given", report.get("k_chosen").asText());
    List<String> lost = new ArrayList<>();
    for (var e : report.get("orphaned_edits")) {
      if (!e.get("edit").asText().equals("split")) continue;
      String topic = e.get("topic").asText();
      lost.add(topic);
      assertTrue(split.contains(topic), e.toString());
      String fate = e.get("fate").asText();
      assertTrue(fate.equals("vanished") || fate.equals("merged"), e.toString());
      if (fate.equals("merged")) {
        assertTrue(e.get("what_to_do").asText().contains("verbatim topics split " + e.get("merged_into").asText()), e.toString());
      }
      assertTrue(out.contains("split of " + topic + " (part " + e.get("part").asText() + ")"), out);
    }
    assertTrue(lost.size() >= split.size() - 2, "lost " + lost + " of " + split + "; " + report);
    assertTrue(out.contains("WARNING: ") && out.contains("to do: "), out);
    assertEquals(saved, java.nio.file.Files.readString(ws.topics().resolve("taxonomy.json")), "nothing dropped");
    String show = cli("topics", "show", "--verbatims", "0", "--workspace", w);
    assertTrue(show.contains("split of " + lost.get(0)) && show.contains("to do: "), show);

    // a refit without --topics keeps K = 2 (the taxonomy has edits) instead of choosing among 8-60
    String again = cli("topics", "fit", "--sample", "400", "--workspace", w);
    var kept = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ws.topics().resolve(
        String.format(java.util.Locale.ROOT, "refit-%06d.json", space.current().orElseThrow().version())).toFile());
    assertEquals("kept", kept.get("k_chosen").asText(), kept.toString());
    assertEquals(2, kept.get("fitted_topics").asInt());
    assertTrue(again.contains("the current K kept because the taxonomy has edits"), again);
    // still listed, now as absent, and an edit whose topic was merged keeps the topic to act on
    Map<String, String> before = new java.util.HashMap<>();
    report.get("orphaned_edits").forEach(e -> before.put(e.get("edit").asText() + e.get("topic").asText(),
        e.hasNonNull("merged_into") ? e.get("merged_into").asText() : null));
    assertEquals(before.size(), kept.get("orphaned_edits").size(), kept.toString());
    if (kept.get("refit").get("kept").asInt() == 2) { // the same two topics: each merged fate is repeated
      for (var e : kept.get("orphaned_edits")) {
        assertEquals("absent", e.get("fate").asText());
        String into = before.get(e.get("edit").asText() + e.get("topic").asText());
        assertEquals(into, e.hasNonNull("merged_into") ? e.get("merged_into").asText() : null, e.toString());
      }
    }
  }
}
