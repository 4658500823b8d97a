package dev.verbatim.app;

import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * The analysts' topic edits that change which records a topic holds — merge and split — as one
 * piece of code for the CLI ({@code verbatim topics merge|split}) and the web API. Each records the
 * edit in the taxonomy (so it survives refits) and re-tags the indexed records.
 */
public final class TopicEdits {
  private final Workspace workspace;
  private final TopicWorkspace space;

  public TopicEdits(Workspace workspace) {
    this.workspace = workspace;
    this.space = new TopicWorkspace(workspace);
  }

  /** What a split did. */
  public record Split(TopicId part, boolean done, long retagged, TopicWorkspace.FitOutcome fit) {}

  /**
   * Folds {@code from} into {@code into} (which keeps its id and name), then re-tags the index.
   *
   * @return the records re-tagged
   * @throws IllegalArgumentException for an unknown topic or a topic merged into itself
   */
  public synchronized long merge(String into, List<String> from) throws IOException {
    if (from.isEmpty()) throw new IllegalArgumentException("name at least one topic to merge into " + into);
    TopicWorkspace.Current current = current();
    TopicId target = id(current, into);
    var store = space.taxonomyStore();
    var t = store.load();
    for (String f : from) {
      TopicId id = id(current, f);
      if (id.equals(target)) throw new IllegalArgumentException("cannot merge " + f + " into itself");
      t = t.withMerge(id, target);
    }
    store.save(t);
    return retag();
  }

  /**
   * Splits {@code topic} in two by a refit on a sample of the index (the split needs the records'
   * embeddings); the smaller part gets a new id.
   *
   * @throws IllegalArgumentException for an unknown topic or one merged into another
   */
  public synchronized Split split(String topic, long seed) throws IOException {
    TopicWorkspace.Current current = current();
    TopicId id = id(current, topic);
    if (space.taxonomyStore().load().merges().containsKey(id)) {
      throw new IllegalArgumentException(id + " is merged into another topic; split that one instead");
    }
    var store = space.taxonomyStore();
    TopicId part = TopicId.of(space.snapshots().latestLexical(space.analyzer()).orElseThrow().nextId());
    store.save(store.load().withSplit(id, part));
    // the current K: chosen afresh, the refit could restructure every topic (the demo's 24 became 16,
    // the topic being split among those merged away) when the analyst asked to split one
    TopicWorkspace.Refit r = space.refitFromIndex(
        new TopicWorkspace.FitSettings(space.fittedTopics(), space.currentEncoder(), seed, 10_000),
        RunIds.next(Instant.now()));
    boolean done = space.current().orElseThrow().tagger().model().topics().stream().anyMatch(x -> x.id().equals(part));
    return new Split(part, done, r.retagged(), r.fit());
  }

  /** The longest topic name analysts may give. */
  public static final int MAX_LABEL = 120;

  /**
   * Checks an analyst's new name for topic {@code id} and returns it stripped: not blank, at most
   * {@value #MAX_LABEL} characters, no control characters, and not the name of another topic (two
   * topics of one name cannot be told apart in the facet, the topic list or the friction report).
   *
   * @param labels the current name of every topic, by id
   * @throws IllegalArgumentException saying what to fix
   */
  public static String checkLabel(String id, String label, java.util.Map<String, String> labels) {
    String l = label.strip();
    if (l.isEmpty()) throw new IllegalArgumentException("the new label is empty");
    if (l.length() > MAX_LABEL) throw new IllegalArgumentException("the label is longer than " + MAX_LABEL + " characters");
    if (l.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      throw new IllegalArgumentException("the label holds control characters (line breaks, tabs or escapes); give plain text");
    }
    for (java.util.Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getKey().equals(id) && e.getValue().strip().equalsIgnoreCase(l)) {
        throw new IllegalArgumentException("topic " + e.getKey() + " is already called '" + e.getValue().strip()
            + "'; pick another name, or merge the two topics");
      }
    }
    return l;
  }

  private TopicWorkspace.Current current() throws IOException {
    return space.current().orElseThrow(() -> new IllegalArgumentException("the workspace " + workspace.root()
        + " has no topic model yet; run `verbatim run` (which fits one) or `verbatim topics fit` first"));
  }

  private static TopicId id(TopicWorkspace.Current current, String id) {
    List<Topic> topics = current.tagger().model().topics();
    return topics.stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no topic " + id + " in the current model; its topics are "
            + topics.stream().map(t -> t.id().value()).toList() + " (see `verbatim topics show`)")).id();
  }

  private long retag() throws IOException {
    if (!Files.isDirectory(workspace.index())) return 0;
    return space.retagIndex(RunIds.next(Instant.now()));
  }
}
