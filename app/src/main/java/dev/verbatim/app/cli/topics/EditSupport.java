package dev.verbatim.app.cli.topics;

import dev.verbatim.app.RunIds;
import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** What the editing commands share: checking ids against the current model, re-tagging the index. */
final class EditSupport {
  private EditSupport() {}

  static TopicWorkspace.Current current(TopicWorkspace space, String root) throws IOException {
    return space.current().orElseThrow(() -> new IllegalArgumentException("the workspace " + root
        + " has no topic model yet; run `verbatim run` (which fits one) or `verbatim topics fit` first"));
  }

  /** The topic {@code id} of the current model, or a message listing the ids it has. */
  static Topic topic(TopicWorkspace.Current current, String id) {
    List<Topic> topics = current.tagger().model().topics();
    return topics.stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no topic " + id + " in the current model; its topics are "
            + topics.stream().map(t -> t.id().value()).toList() + " (see `verbatim topics show`)"));
  }

  static TopicId id(TopicWorkspace.Current current, String id) {
    return topic(current, id).id();
  }

  /** Re-tags the index with the current model, if there is an index; returns the records re-tagged. */
  static long retag(TopicWorkspace space, java.nio.file.Path index) throws IOException {
    if (!Files.isDirectory(index)) return 0;
    return space.retagIndex(RunIds.next(Instant.now()));
  }
}
