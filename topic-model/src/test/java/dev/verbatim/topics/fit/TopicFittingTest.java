package dev.verbatim.topics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import dev.verbatim.topics.store.TaxonomyStore;
import dev.verbatim.topics.store.TopicSnapshotStore;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's fit cycle: stable ids, seeded themes, and analysts' edits that survive refits. */
class TopicFittingTest {
  private static final SimpleTermAnalyzer A = new SimpleTermAnalyzer();
  private static final HashingSentenceEncoder ENC = new HashingSentenceEncoder(A, 256);
  private static final EmbeddingTopicTrainer TRAINER = new EmbeddingTopicTrainer(ENC, A);
  private static final TopicParams PARAMS = TopicParams.defaults().withTopics(3).withSeed(7);

  @TempDir Path dir;

  /** Fits, saves the snapshot as the product does, and returns what was saved. */
  private TopicFitting.Result fitAndSave(Corpus corpus, Taxonomy taxonomy) throws Exception {
    TopicSnapshotStore store = new TopicSnapshotStore(dir);
    TopicSnapshotStore.Snapshot previous = store.latest(ENC, A).orElse(null);
    TopicFitting.Result r = TopicFitting.fit(TRAINER, A, corpus, PARAMS, taxonomy, taxonomy.themes(), previous);
    store.save(r.aligned(), r.nextId(), r.lexical(), Map.of("records", corpus.size()));
    return r;
  }

  private static Map<String, String> labelsById(List<Topic> topics) {
    return topics.stream().collect(Collectors.toMap(t -> t.id().value(), Topic::label));
  }

  @Test
  void idsStayStableAcrossTwoRefitsOfTheSameCorpus() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result first = fitAndSave(corpus, Taxonomy.empty());
    TopicFitting.Result second = fitAndSave(corpus, Taxonomy.empty());
    TopicFitting.Result third = fitAndSave(corpus, Taxonomy.empty());
    assertEquals(labelsById(first.edited().topics()), labelsById(second.edited().topics()));
    assertEquals(labelsById(first.edited().topics()), labelsById(third.edited().topics()));
    assertNotNull(third.report());
    assertEquals(3, third.report().kept().size());
    assertTrue(third.report().added().isEmpty() && third.report().vanished().isEmpty());
    // every record keeps its topic id
    for (TopicDocument d : corpus.documents()) {
      assertEquals(first.edited().training().get(d.id()).mix().top(), third.edited().training().get(d.id()).mix().top());
    }
  }

  @Test
  void refitOnAShuffledCorpusKeepsIdsByContent() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result first = fitAndSave(corpus, Taxonomy.empty());
    List<TopicDocument> docs = new java.util.ArrayList<>(corpus.documents());
    java.util.Collections.shuffle(docs, new java.util.Random(3));
    TopicFitting.Result again = fitAndSave(new Corpus(docs), Taxonomy.empty());
    for (String id : List.of("b1", "l1", "d1")) {
      assertEquals(first.edited().training().get(id).mix().top(), again.edited().training().get(id).mix().top(), id);
    }
  }

  @Test
  void seededThemesAttractTheirSeedPhrases() throws Exception {
    Corpus corpus = TinyCorpus.load();
    Taxonomy taxonomy = Taxonomy.empty().withThemes(List.of(
        new Theme("Billing", List.of("charged twice", "double charge refund"), null),
        new Theme("Sign-in", List.of("password reset link", "cannot log in"), null),
        new Theme("Late delivery", List.of("late package delivery"), "Billing")));
    TopicFitting.Result r = fitAndSave(corpus, taxonomy);
    Map<String, String> byLabel = r.edited().topics().stream().collect(Collectors.toMap(Topic::label, t -> t.id().value()));
    assertTrue(byLabel.keySet().containsAll(List.of("Billing", "Sign-in", "Late delivery")), byLabel.toString());
    for (Theme t : taxonomy.themes()) {
      for (String seed : t.seeds()) {
        assertEquals(t.name(), label(r.lexical(), r.lexical().infer(TopicDocument.of("q", seed)).mix().top()), seed);
        assertEquals(t.name(), label(r.edited(), r.edited().infer(TopicDocument.of("q", seed)).mix().top()), seed);
      }
    }
    assertEquals("Billing", taxonomy.parentOf("Late delivery"));
  }

  private static String label(dev.verbatim.topics.TopicModel m, TopicId id) {
    return m.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().label();
  }

  @Test
  void renameMergeAndSplitSurviveARefit() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result first = fitAndSave(corpus, Taxonomy.empty());
    TopicId billing = first.edited().training().get("b1").mix().top();
    TopicId login = first.edited().training().get("l1").mix().top();
    TopicId delivery = first.edited().training().get("d1").mix().top();
    TopicId part = TopicId.of(first.nextId());
    TaxonomyStore taxonomies = new TaxonomyStore(dir);
    taxonomies.save(Taxonomy.empty()
        .withRename(delivery, "Shipping trouble")
        .withMerge(login, billing)
        .withSplit(billing, part));
    Taxonomy edits = taxonomies.load(); // through the file, as the CLI does

    for (int refit = 0; refit < 2; refit++) {
      TopicFitting.Result r = fitAndSave(corpus, edits);
      Map<String, String> labels = labelsById(r.lexical().topics());
      assertEquals("Shipping trouble", labels.get(delivery.value()), "rename, refit " + refit);
      assertFalse(labels.containsKey(login.value()), "merged-away topic is gone, refit " + refit + ": " + labels);
      assertTrue(labels.containsKey(part.value()), "split part exists, refit " + refit + ": " + labels);
      assertEquals(3, labels.size(), labels.toString());
      // login records now carry the billing id or its split part; the saved fit still has the login topic
      TopicId l = r.lexical().infer(TopicDocument.of("q", "password reset link does not work, cannot log in")).mix().top();
      assertTrue(l.equals(billing) || l.equals(part), "login text went to " + l);
      assertTrue(r.aligned().topics().stream().anyMatch(t -> t.id().equals(login)), "the aligned fit keeps " + login);
      assertTrue(r.nextId() > part.number());
    }
    // and the saved model, loaded back with the taxonomy applied, agrees
    LexicalTopicModel saved = new TopicSnapshotStore(dir).latestLexical(A).orElseThrow().model();
    assertEquals("Shipping trouble", labelsById(TopicFitting.edit(saved, edits).topics()).get(delivery.value()));
  }

  @Test
  void aRefitNeverHandsTheIdReservedForASplitPartToANewTopic() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result first = fitAndSave(corpus, Taxonomy.empty());
    TopicId billing = first.edited().training().get("b1").mix().top();
    TopicId part = TopicId.of(first.nextId()); // as `topics split` reserves it
    Taxonomy edits = Taxonomy.empty().withSplit(billing, part);
    TopicSnapshotStore.Snapshot previous = new TopicSnapshotStore(dir).latest(ENC, A).orElseThrow();
    // one cluster more than before: the aligner adds a topic, which must not take the part's id
    TopicFitting.Result r = TopicFitting.fit(TRAINER, A, corpus, PARAMS.withTopics(4), edits, List.of(), previous);
    java.util.Set<TopicId> fresh = new java.util.HashSet<>(r.report().added());
    r.report().split().forEach(s -> fresh.add(s.part()));
    assertFalse(fresh.isEmpty(), "the refit adds a topic: " + r.report());
    assertFalse(fresh.contains(part), part + " was given to a topic of the refit: " + r.report());
    assertTrue(r.edited().topics().stream().anyMatch(t -> t.id().equals(part)), "the split was made");
    assertEquals(r.aligned().topics().size() + 1, r.edited().topics().size(), "the split adds its part");
    assertTrue(r.nextId() > part.number());
  }

  @Test
  void aRefitThatLosesASplitTopicReportsWhatHappenedToIt() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result first = fitAndSave(corpus, Taxonomy.empty());
    List<TopicId> ids = first.aligned().topics().stream().map(Topic::id).toList();
    assertEquals(3, ids.size());
    Taxonomy edits = Taxonomy.empty();
    for (int i = 0; i < ids.size(); i++) {
      edits = edits.withSplit(ids.get(i), TopicId.of(first.nextId() + i)).withRename(ids.get(i), "Named " + i);
    }
    TopicSnapshotStore.Snapshot previous = new TopicSnapshotStore(dir).latest(ENC, A).orElseThrow();
    // two clusters for three topics: the refit loses one of them, and with it a split and a rename
    TopicFitting.Result r = TopicFitting.fit(TRAINER, A, corpus, PARAMS.withTopics(2), edits, List.of(), previous);
    assertEquals(TopicFitting.KChoice.GIVEN, r.k());
    java.util.Set<TopicId> fitted = r.aligned().topics().stream().map(Topic::id).collect(Collectors.toSet());
    List<TopicId> lost = ids.stream().filter(id -> !fitted.contains(id)).toList();
    assertFalse(lost.isEmpty(), "aligned " + fitted);
    for (TopicId gone : lost) {
      OrphanedEdit split = r.orphaned().stream().filter(o -> o.kind() == OrphanedEdit.Kind.SPLIT && o.topic().equals(gone))
          .findFirst().orElseThrow(() -> new AssertionError("split of " + gone + " not reported: " + r.orphaned()));
      assertEquals(gone, split.missing());
      assertEquals(TopicId.of(first.nextId() + ids.indexOf(gone)), split.other());
      assertTrue(r.orphaned().stream().anyMatch(o -> o.kind() == OrphanedEdit.Kind.RENAME && o.topic().equals(gone)
          && ("Named " + ids.indexOf(gone)).equals(o.label())), r.orphaned().toString());
      // what happened agrees with the refit report, and the advice names the topic to act on
      if (split.fate() == OrphanedEdit.Fate.MERGED) {
        assertTrue(r.report().merged().stream().anyMatch(m -> m.from().equals(gone) && m.into().equals(split.into())));
        assertTrue(fitted.contains(split.into()));
        assertTrue(split.advice().contains("verbatim topics split " + split.into()), split.advice());
        assertTrue(split.describe().contains(gone + " merged into " + split.into()), split.describe());
      } else {
        assertEquals(OrphanedEdit.Fate.VANISHED, split.fate(), split.toString());
        assertTrue(r.report().vanished().contains(gone));
      }
    }
    // the kept topics' edits are not reported: one split and one rename per lost topic
    assertEquals(2 * lost.size(), r.orphaned().size(), r.orphaned().toString());
  }

  @Test
  void aRefitWithAutomaticKKeepsTheCurrentKWhenTheTaxonomyHasEdits() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicParams auto = PARAMS.withTopics(0).withTopicRange(2, 8);
    // the current model has 5 topics (an analyst's --topics 5, or an earlier sample's silhouette)
    TopicFitting.Result first = TopicFitting.fit(TRAINER, A, corpus, PARAMS.withTopics(5), Taxonomy.empty(),
        List.of(), null);
    new TopicSnapshotStore(dir).save(first.aligned(), first.nextId(), first.lexical(), Map.of());
    TopicSnapshotStore.Snapshot previous = new TopicSnapshotStore(dir).latest(ENC, A).orElseThrow();
    TopicId some = first.aligned().topics().get(0).id();

    // without edits silhouette chooses afresh (the three groups of the corpus)
    TopicFitting.Result plain = TopicFitting.fit(TRAINER, A, corpus, auto, Taxonomy.empty(), List.of(), previous);
    assertEquals(TopicFitting.KChoice.SILHOUETTE, plain.k());
    assertTrue(plain.aligned().topics().size() != 5, "silhouette chose " + plain.aligned().topics().size());

    // with an edit the refit keeps K, so the edited topic is not re-cut away
    Taxonomy edits = Taxonomy.empty().withRename(some, "Kept by the analyst");
    TopicFitting.Result kept = TopicFitting.fit(TRAINER, A, corpus, auto, edits, List.of(), previous);
    assertEquals(TopicFitting.KChoice.KEPT, kept.k());
    assertEquals(5, kept.aligned().topics().size());
    assertEquals(5, kept.report().kept().size(), kept.report().toString());
    assertTrue(kept.orphaned().isEmpty(), kept.orphaned().toString());
    assertEquals("Kept by the analyst", labelsById(kept.edited().topics()).get(some.value()));

    // --topics K still overrides, and a first fit still chooses
    assertEquals(TopicFitting.KChoice.GIVEN,
        TopicFitting.fit(TRAINER, A, corpus, PARAMS.withTopics(3), edits, List.of(), previous).k());
    TopicFitting.Result fresh = TopicFitting.fit(TRAINER, A, corpus, auto, edits, List.of(), null);
    assertEquals(TopicFitting.KChoice.SILHOUETTE, fresh.k());
  }

  @Test
  void mergeOnTheSavedModelIsExact() throws Exception {
    Corpus corpus = TinyCorpus.load();
    TopicFitting.Result r = fitAndSave(corpus, Taxonomy.empty());
    TopicId b = r.edited().training().get("b1").mix().top();
    TopicId l = r.edited().training().get("l1").mix().top();
    LexicalTopicModel merged = r.lexical().merge(l, b);
    LexicalTopicModel refit = TopicFitting.fit(TRAINER, A, corpus, PARAMS, Taxonomy.empty().withMerge(l, b), List.of(),
        null).lexical();
    assertEquals(2, merged.topics().size());
    for (TopicDocument d : corpus.documents()) {
      assertEquals(refit.infer(d).mix().top(), merged.infer(d).mix().top(), d.id());
    }
  }

  @Test
  void topicMixesSumToOneOnRandomText() throws Exception {
    TopicFitting.Result r = fitAndSave(TinyCorpus.load(), Taxonomy.empty());
    SplittableRandom random = new SplittableRandom(11);
    String[] words = {"refund", "password", "late", "the", "zzz", "!!", "charged", "twice", "é", "\u0000", "[EMAIL]", ""};
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) sb.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? ". " : " ");
      TopicDocument d = TopicDocument.of("r" + i, sb.toString());
      for (DocumentTopics dt : List.of(r.lexical().infer(d), r.edited().infer(d))) {
        double sum = dt.mix().weights().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9, "seed 11, record " + i + ": '" + sb + "'");
        assertEquals(dt.sentences().size(), dt.sentenceTopics().size());
      }
    }
  }
}
