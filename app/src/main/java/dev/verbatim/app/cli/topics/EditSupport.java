package dev.verbatim.app.cli.topics;

import dev.verbatim.app.TopicWorkspace;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import java.io.IOException;
import java.util.List;

/** What the editing commands share: checking ids against the current model. */
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

}
