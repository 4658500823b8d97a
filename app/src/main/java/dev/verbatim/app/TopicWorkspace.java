package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import dev.verbatim.index.FeedbackIndexer;
import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.Hit;
import dev.verbatim.index.IndexRecord;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.index.SentenceMark;
import dev.verbatim.index.TopicTag;
import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.TermAnalyzer;
import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.align.RefitReport;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.OnnxSentenceEncoder;
import dev.verbatim.topics.embed.SentenceEncoder;
import dev.verbatim.topics.fit.OrphanedEdit;
import dev.verbatim.topics.fit.TopicFitting;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import dev.verbatim.topics.store.TaxonomyStore;
import dev.verbatim.topics.store.TopicSnapshotStore;
import dev.verbatim.topics.tag.Tag;
import dev.verbatim.topics.tag.TopicTagger;
import dev.verbatim.topics.text.SentenceSplitter;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's topics: the saved model ({@code topics/model-NNNNNN.json}), the analysts'
 * taxonomy ({@code topics/taxonomy.json}) and the refit reports ({@code topics/refit-NNNNNN.json}).
 * Fits on a sample (of a run's inputs, or of the index), tags records, re-tags the index.
 *
 * <p>Why fit on a sample: the embedding fit costs about a millisecond per sentence, the inference
 * model tags 50,000 records/s per thread, so a 10,000-record seeded sample is fitted once and the
 * whole corpus is tagged at pipeline speed.
 */
public final class TopicWorkspace {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWorkspace.class);

  /** Records a fit needs at least; below it topics are not fitted (and the run says so). */
  public static final int MIN_RECORDS = 50;

  /** Seed phrases taken from the best hits of a theme's query. */
  static final int QUERY_SEEDS = 20;

  private final Workspace workspace;
  private final TermAnalyzer analyzer = new SimpleTermAnalyzer();

  /**
   * How to fit.
   *
   * @param topics K, or 0 for automatic: chosen by silhouette on a first fit (or when the taxonomy
   *     has no renames, merges or splits), else the current model's K, so a refit does not re-cut
   *     the topics analysts edited
   * @param encoder {@code minilm} (default: faster, better on short messy text) or {@code bge-small}
   * @param seed seed of the sample and of the fit
   * @param sample records sampled for the fit (at most)
   */
  public record FitSettings(int topics, String encoder, long seed, int sample) {
    public FitSettings {
      requireNonNull(encoder, "encoder");
      OnnxSentenceEncoder.Model.parse(encoder); // fails early on an unknown name
      if (topics < 0 || topics == 1) throw new IllegalArgumentException("--topics must be 0 (automatic) or at least 2");
      if (sample < MIN_RECORDS) throw new IllegalArgumentException("the topic sample must be at least " + MIN_RECORDS);
    }

    /** Automatic K, MiniLM, seed 42, a 10,000-record sample. */
    public static FitSettings defaults() {
      return new FitSettings(0, "minilm", 42, 10_000);
    }
  }

  /**
   * What a fit did, as the run report and {@code topics fit} show it.
   *
   * @param version the snapshot number written
   * @param file the snapshot file
   * @param topics topics after the analysts' edits
   * @param fitted topics the fit found (before edits)
   * @param records records fitted on
   * @param seconds wall time of the fit (encoding included)
   * @param agreement share of the sample where the inference model agrees with the fitted one
   * @param report changes against the previous model, or null on a first fit
   * @param k how K was chosen: {@code given} (--topics), {@code silhouette}, or {@code kept} (the
   *     current model's, because the taxonomy has edits)
   * @param orphaned the taxonomy's edits this fit left without their topic (kept in the taxonomy)
   */
  public record FitOutcome(int version, Path file, int topics, int fitted, int records, double seconds,
      double agreement, @Nullable RefitReport report, String k, List<OrphanedEdit> orphaned) {
    public FitOutcome {
      requireNonNull(k, "k");
      orphaned = List.copyOf(orphaned);
    }

    /** As a JSON-ready map for the run report. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model_version", version);
      m.put("topics", topics);
      m.put("fitted_topics", fitted);
      m.put("k_chosen", k);
      m.put("records", records);
      m.put("seconds", Math.round(seconds * 100) / 100.0);
      m.put("agreement", Math.round(agreement * 1000) / 1000.0);
      if (report != null) m.put("refit", refitMap(report));
      m.put("orphaned_edits", orphaned.stream().map(TopicWorkspace::orphanMap).toList());
      return m;
    }
  }

  /**
   * The model daily runs infer with.
   *
   * @param tagger the tagger over the saved term model with the taxonomy's edits applied
   * @param version its snapshot number
   * @param method how it was fitted
   */
  public record Current(TopicTagger tagger, int version, String method) {}

  /** Topics of {@code workspace}. */
  public TopicWorkspace(Workspace workspace) {
    this.workspace = requireNonNull(workspace, "workspace");
  }

  /** The tokenizer every topic model of the workspace uses. */
  public TermAnalyzer analyzer() {
    return analyzer;
  }

  /** The snapshot store. */
  public TopicSnapshotStore snapshots() {
    return new TopicSnapshotStore(workspace.topics());
  }

  /** The taxonomy store. */
  public TaxonomyStore taxonomyStore() {
    return new TaxonomyStore(workspace.topics());
  }

  /** Whether a model has been saved. */
  public boolean hasModel() throws IOException {
    return snapshots().latestLexical(analyzer).isPresent();
  }

  /** Returns the current model with the taxonomy's edits applied, or empty if none was fitted yet. */
  public Optional<Current> current() throws IOException {
    Optional<TopicSnapshotStore.Current> c = snapshots().latestLexical(analyzer);
    if (c.isEmpty()) return Optional.empty();
    LexicalTopicModel edited = TopicFitting.edit(c.get().model(), taxonomyStore().load());
    return Optional.of(new Current(new TopicTagger(edited), c.get().version(), edited.method()));
  }

  /**
   * Fits on {@code docs} (already a sample, in a fixed order), aligned with the current model if
   * there is one, with the taxonomy applied; saves the snapshot and the refit report.
   *
   * @return what the fit did, or empty if {@code docs} has fewer than {@link #MIN_RECORDS} records
   */
  public Optional<FitOutcome> fit(List<TopicDocument> docs, FitSettings settings) throws IOException {
    if (docs.size() < MIN_RECORDS) {
      LOG.warn("topics: {} records with text, fewer than {}: no topics fitted", docs.size(), MIN_RECORDS);
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    OnnxSentenceEncoder.Model model = OnnxSentenceEncoder.Model.parse(settings.encoder());
    TopicSnapshotStore store = snapshots();
    Taxonomy taxonomy = taxonomyStore().load();
    try (OnnxSentenceEncoder encoder = new OnnxSentenceEncoder(model, Runtime.getRuntime().availableProcessors())) {
      TopicSnapshotStore.Snapshot previous = previous(store, encoder);
      Path earlier = store.latestLexical(analyzer).map(c -> workspace.topics().resolve(
          String.format(Locale.ROOT, "refit-%06d.json", c.version()))).orElse(null);
      List<Theme> themes = resolveThemes(taxonomy.themes());
      TopicParams params = TopicParams.defaults().withSeed(settings.seed()).withTopicRange(8, 60);
      if (settings.topics() > 0) params = params.withTopics(settings.topics());
      // long records (tickets, complaints) cluster on embedding + TF-IDF; short ones on the embedding
      TopicFitting.Result r = TopicFitting.fit(EmbeddingTopicTrainer.withLengthRule(encoder, analyzer), analyzer,
          new Corpus(docs), params, taxonomy, themes, previous);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("records", docs.size());
      facts.put("seed", settings.seed());
      facts.put("seconds", Math.round(seconds * 100) / 100.0);
      facts.put("agreement", Math.round(r.agreement() * 1000) / 1000.0);
      Path file = store.save(r.aligned(), r.nextId(), r.lexical(), facts);
      int version = snapshots().latestLexical(analyzer).orElseThrow().version();
      FitOutcome out = new FitOutcome(version, file, r.lexical().topics().size(), r.aligned().topics().size(),
          docs.size(), seconds, r.agreement(), r.report(), r.k().wireName(),
          withEarlierMerges(r.orphaned(), earlier, r.aligned()));
      if (r.report() != null || !r.orphaned().isEmpty()) {
        Path report = workspace.topics().resolve(String.format(Locale.ROOT, "refit-%06d.json", version));
        PipelineRun.REPORT_JSON.writeValue(report.toFile(), out.asMap());
      }
      LOG.info("topics: model {} with {} topics fitted on {} records in {} s", version, out.topics(), docs.size(),
          Math.round(seconds));
      return Optional.of(out);
    }
  }

  private TopicSnapshotStore.@Nullable Snapshot previous(TopicSnapshotStore store, SentenceEncoder encoder)
      throws IOException {
    Optional<TopicSnapshotStore.Current> c = store.latestLexical(analyzer);
    if (c.isEmpty()) return null;
    if (!c.get().encoder().equals(encoder.id())) {
      throw new IllegalArgumentException("the current topic model was fitted with encoder " + c.get().encoder()
          + "; refit with the same --encoder so topic ids stay stable");
    }
    return store.load(c.get().file(), encoder, analyzer);
  }

  /** Themes with a query get the texts of its best hits in the index as seed phrases. */
  List<Theme> resolveThemes(List<Theme> themes) throws IOException {
    List<Theme> out = new ArrayList<>();
    for (Theme t : themes) {
      if (t.query() == null) {
        out.add(t);
        continue;
      }
      List<String> seeds = new ArrayList<>(t.seeds());
      if (Files.isDirectory(workspace.index()) && hasIndex()) {
        try (FeedbackSearch search = FeedbackSearch.open(workspace.index())) {
          for (Hit h : search.search(t.query(), QUERY_SEEDS).hits()) seeds.add(h.text());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("theme '" + t.name() + "' in " + workspace.topics().resolve("taxonomy.json")
              + ": " + e.getMessage() + "; fix it with `verbatim topics seed --file FILE` (a theme of the same name"
              + " replaces it)", e);
        }
      }
      if (seeds.isEmpty()) {
        LOG.warn("topics: theme '{}' has no seed phrases and its query matches nothing yet; left out of this fit",
            t.name()); // an analyst's name, not customer text
        continue;
      }
      out.add(t.withSeeds(seeds));
    }
    return out;
  }

  private boolean hasIndex() {
    try (var s = Files.list(workspace.index())) {
      return s.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A refit from the index.
   *
   * @param fit what the fit did
   * @param retagged records re-tagged in the index with the new model
   */
  public record Refit(FitOutcome fit, long retagged) {}

  /**
   * Refits on a seeded sample of the indexed records (ids kept stable, the taxonomy applied) and
   * re-tags every indexed record with the new model.
   *
   * @throws IllegalArgumentException if the workspace has no index or too few records with text
   */
  public Refit refitFromIndex(FitSettings settings, String runId) throws IOException {
    if (!Files.isDirectory(workspace.index()) || !hasIndex()) {
      throw new IllegalArgumentException("the workspace " + workspace.root() + " has no index yet; run"
          + " `verbatim run --input FILE --workspace " + workspace.root() + "` first");
    }
    List<TopicDocument> docs = sampleIndex(settings.sample(), settings.seed());
    FitOutcome out = fit(docs, settings).orElseThrow(() -> new IllegalArgumentException(
        "the index holds " + docs.size() + " English records with text; topics need at least " + MIN_RECORDS));
    return new Refit(out, retagIndex(runId));
  }

  /**
   * How many topics the current model's fit found, before the taxonomy's edits (its seeded themes
   * included); 0 if there is no model. A refit with this K changes the other topics as little as a
   * refit can, which is what an edit of one topic (a split) wants.
   */
  public int fittedTopics() throws IOException {
    Optional<TopicSnapshotStore.Current> c = snapshots().latestLexical(analyzer);
    if (c.isEmpty()) return 0;
    return PipelineRun.REPORT_JSON.readTree(c.get().file().toFile()).path("topics").size();
  }

  /** The encoder the current model was fitted with ({@code minilm} if there is none). */
  public String currentEncoder() throws IOException {
    return snapshots().latestLexical(analyzer).map(TopicSnapshotStore.Current::encoder).orElse("minilm");
  }

  /**
   * A seeded sample of the indexed records to fit on: English (or undetermined) text, no
   * near-duplicates, at most {@code size} records chosen by hash of their key (so the same index and
   * seed give the same sample, whatever the segment order).
   */
  public List<TopicDocument> sampleIndex(int size, long seed) throws IOException {
    TopicSample<TopicDocument> sample = new TopicSample<>(size, seed);
    try (FeedbackSearch search = FeedbackSearch.open(workspace.index())) {
      search.scan(SearchRequest.of("", 1), true, f -> {
        if (f.duplicate() || f.text() == null || f.text().isBlank() || f.key() == null) return;
        if (!IndexStage.SCORED_LANGUAGES.contains(f.language())) return;
        sample.offer(f.key(), TopicDocument.of(f.key(), f.text()));
      });
    }
    return sample.values();
  }

  /**
   * A seeded sample of the records in {@code inputs} to fit on, for a first run: the cheap ingest
   * reads every record and keeps a bottom-k sample by key; only the sampled records are cleaned,
   * redacted and annotated (in hash order, so the result is deterministic), and those in English
   * (or undetermined) with text are returned, exact repeats of a text once.
   */
  public List<TopicDocument> sampleInputs(List<dev.verbatim.pipeline.run.Input> inputs, int size, long seed,
      int workers) throws IOException {
    TopicSample<dev.verbatim.pipeline.Feedback> sample = new TopicSample<>(size, seed);
    dev.verbatim.pipeline.Stage<dev.verbatim.pipeline.Feedback, dev.verbatim.pipeline.Feedback> sampler =
        new dev.verbatim.pipeline.Stage<>() {
          @Override
          public String name() {
            return "topic-sample";
          }

          @Override
          public dev.verbatim.pipeline.Outcome<dev.verbatim.pipeline.Feedback> apply(dev.verbatim.pipeline.Feedback f) {
            sample.offer(f.id().key(), f);
            return dev.verbatim.pipeline.Outcome.ok(f);
          }
        };
    Path scratch = Files.createTempFile("verbatim-topic-sample", ".jsonl");
    try (var q = new dev.verbatim.pipeline.run.QuarantineWriter(scratch, "topic-sample")) {
      new dev.verbatim.pipeline.run.PipelineRunner(workers, 256).run("topic-sample", inputs,
          dev.verbatim.pipeline.run.Pipeline.start().then(sampler), q, dev.verbatim.pipeline.run.ProgressListener.NONE);
    } finally {
      Files.deleteIfExists(scratch);
    }
    var cleaner = new dev.verbatim.pipeline.clean.Cleaner(
        dev.verbatim.pipeline.clean.OpenNlpLanguageDetector.fromClasspath(), null);
    var redactor = new dev.verbatim.pipeline.redact.PiiRedactor();
    var annotator = new dev.verbatim.pipeline.annotate.RuleBasedAnnotator();
    List<@Nullable TopicDocument> docs = sample.values().parallelStream().map(f -> {
      if (!(cleaner.apply(f) instanceof dev.verbatim.pipeline.Outcome.Ok<dev.verbatim.pipeline.Cleaned> c)) return null;
      if (!(redactor.apply(c.value()) instanceof dev.verbatim.pipeline.Outcome.Ok<dev.verbatim.pipeline.Redacted> r)) {
        return null;
      }
      var red = r.value();
      if (red.text().isBlank() || !IndexStage.SCORED_LANGUAGES.contains(red.language())) return null;
      var text = annotator.annotate(red.text());
      List<String> sentences = new ArrayList<>();
      for (var s : text.sentences()) sentences.add(red.text().substring(s.start(), s.end()));
      return new TopicDocument(red.id().key(), red.text(), sentences);
    }).toList();
    List<TopicDocument> out = new ArrayList<>();
    java.util.Set<String> texts = new java.util.HashSet<>();
    for (TopicDocument d : docs) if (d != null && texts.add(d.text())) out.add(d);
    return out;
  }

  /**
   * Re-tags every indexed record with the current model, from the index alone (the stored text and
   * sentence sentiment), and returns the number of records rewritten.
   */
  public long retagIndex(String runId) throws IOException {
    Current c = current().orElseThrow(() -> new IllegalStateException("no topic model to tag with"));
    try (FeedbackIndexer indexer = FeedbackIndexer.open(workspace.index(), runId, Long.MAX_VALUE)) {
      return indexer.rewrite(r -> r.withTopicTags(tags(c.tagger(), r)));
    }
  }

  /** The tags of a stored record. */
  static List<TopicTag> tags(TopicTagger tagger, IndexRecord r) {
    String text = r.redacted().text();
    boolean scored = IndexStage.SCORED_LANGUAGES.contains(r.redacted().language()) && r.sentimentLabel() != null;
    List<TopicTagger.Sentence> sentences = new ArrayList<>();
    if (!r.sentences().isEmpty()) {
      for (SentenceMark m : r.sentences()) {
        if (m.end() > text.length()) continue;
        sentences.add(new TopicTagger.Sentence(text.substring(m.start(), m.end()),
            scored ? Polarity.valueOf(m.sentiment().toUpperCase(Locale.ROOT)) : null, scored ? m.score() : 0));
      }
    } else {
      for (String s : SentenceSplitter.split(text)) sentences.add(new TopicTagger.Sentence(s, null, 0));
    }
    Polarity doc = scored ? Polarity.valueOf(r.sentimentLabel().toUpperCase(Locale.ROOT)) : null;
    return toIndex(tagger.tag(sentences, doc));
  }

  /** Tags as the index takes them. */
  static List<TopicTag> toIndex(List<Tag> tags) {
    List<TopicTag> out = new ArrayList<>(tags.size());
    for (Tag t : tags) out.add(new TopicTag(t.id().value(), t.weight(), t.sentiment() == null ? null : t.sentiment().wireName()));
    return out;
  }

  /**
   * {@code orphaned} with each absent topic told where the previous refit merged it (from that
   * refit's report, {@code earlier}), if that topic is still in {@code aligned}: an edit lost two
   * refits ago keeps its advice ("re-apply the split on t23") instead of a vague one.
   */
  static List<OrphanedEdit> withEarlierMerges(List<OrphanedEdit> orphaned, @Nullable Path earlier,
      dev.verbatim.topics.TopicModel aligned) throws IOException {
    if (earlier == null || !Files.isRegularFile(earlier)) return orphaned;
    if (orphaned.stream().noneMatch(o -> o.fate() == OrphanedEdit.Fate.ABSENT)) return orphaned;
    Map<String, String> mergedInto = new java.util.HashMap<>();
    for (var e : PipelineRun.REPORT_JSON.readTree(earlier.toFile()).path("orphaned_edits")) {
      if (e.hasNonNull("merged_into")) {
        mergedInto.put(e.path("edit").asText() + " " + e.path("topic").asText() + " " + e.path("missing").asText(),
            e.get("merged_into").asText());
      }
    }
    List<OrphanedEdit> out = new ArrayList<>(orphaned.size());
    for (OrphanedEdit o : orphaned) {
      String into = o.fate() == OrphanedEdit.Fate.ABSENT && o.into() == null
          ? mergedInto.get(o.kind().wireName() + " " + o.topic() + " " + o.missing()) : null;
      boolean there = into != null && aligned.topics().stream().anyMatch(t -> t.id().value().equals(into));
      out.add(there ? o.withEarlierMerge(new dev.verbatim.topics.TopicId(into)) : o);
    }
    return out;
  }

  /** An orphaned edit as refit-NNNNNN.json and the run report show it. */
  static Map<String, Object> orphanMap(OrphanedEdit o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("edit", o.kind().wireName());
    m.put("topic", o.topic().value());
    if (o.kind() == OrphanedEdit.Kind.SPLIT) m.put("part", String.valueOf(o.other()));
    if (o.kind() == OrphanedEdit.Kind.MERGE) m.put("into", String.valueOf(o.other()));
    if (o.label() != null) m.put("label", o.label());
    m.put("missing", o.missing().value());
    m.put("fate", o.fate().wireName());
    if (o.into() != null) m.put("merged_into", o.into().value());
    m.put("what_happened", o.describe());
    m.put("what_to_do", o.advice());
    return m;
  }

  /**
   * The orphaned edits the current model's fit reported (from its {@code refit-NNNNNN.json}), each
   * as {@link #orphanMap}; empty if it reported none or there is no model.
   */
  public List<Map<String, Object>> orphanedEdits() throws IOException {
    Optional<TopicSnapshotStore.Current> c = snapshots().latestLexical(analyzer);
    if (c.isEmpty()) return List.of();
    Path report = workspace.topics().resolve(String.format(Locale.ROOT, "refit-%06d.json", c.get().version()));
    if (!Files.isRegularFile(report)) return List.of();
    List<Map<String, Object>> out = new ArrayList<>();
    for (var o : PipelineRun.REPORT_JSON.readTree(report.toFile()).path("orphaned_edits")) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
      out.add(m);
    }
    return out;
  }

  static Map<String, Object> refitMap(RefitReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kept", r.kept().size());
    m.put("added", r.added().stream().map(Object::toString).toList());
    m.put("vanished", r.vanished().stream().map(Object::toString).toList());
    m.put("merged", r.merged().stream().map(x -> x.from() + "->" + x.into()).toList());
    m.put("split", r.split().stream().map(x -> x.from() + "->" + x.part()).toList());
    return m;
  }
}
