package dev.verbatim.topics.tag;

import dev.verbatim.pipeline.Outcome;
import dev.verbatim.pipeline.Stage;
import dev.verbatim.pipeline.annotate.Annotated;
import dev.verbatim.pipeline.annotate.DocumentSentiment;
import dev.verbatim.pipeline.annotate.SentenceSentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's {@code topics} stage: tags every annotated record with the saved model ({@link
 * TopicTagger}); the sentences are the annotate stage's (those its sentiment was scored on), so each
 * tag carries the sentiment of its own sentences. Records in a language the sentiment scorer does
 * not read get tags without sentiment. Without a model ({@link #none()}) records pass untagged.
 * Rejects nothing. Thread-safe; counts tagged and untagged records for the run report.
 */
public final class TopicStage implements Stage<Annotated, Topical> {
  private final @Nullable TopicTagger tagger;
  private final Set<String> scoredLanguages;
  private final LongAdder tagged = new LongAdder();
  private final LongAdder untagged = new LongAdder();

  /**
   * Creates the stage.
   *
   * @param tagger the tagger, or null to pass records on untagged
   * @param scoredLanguages languages whose sentence sentiment tags may carry ({@code en}, {@code und})
   */
  public TopicStage(@Nullable TopicTagger tagger, Set<String> scoredLanguages) {
    this.tagger = tagger;
    this.scoredLanguages = Set.copyOf(scoredLanguages);
  }

  /** A stage that tags nothing (no model yet). */
  public static TopicStage none() {
    return new TopicStage(null, Set.of());
  }

  @Override
  public String name() {
    return "topics";
  }

  /** Records that got at least one topic. */
  public long tagged() {
    return tagged.sum();
  }

  /** Records that got none (no text, or no word the model knows). */
  public long untagged() {
    return untagged.sum();
  }

  @Override
  public Outcome<Topical> apply(Annotated a) {
    List<Tag> tags = tagger == null ? List.of() : tagger.tag(sentences(a), documentLabel(a));
    (tags.isEmpty() ? untagged : tagged).increment();
    return Outcome.ok(new Topical(a, tags));
  }

  private dev.verbatim.pipeline.annotate.@Nullable Polarity documentLabel(Annotated a) {
    return scoredLanguages.contains(a.redacted().language()) ? a.sentiment().document().label() : null;
  }

  /** The record's sentences with their sentiment (none when its language is not scored). */
  public List<TopicTagger.Sentence> sentences(Annotated a) {
    boolean scored = scoredLanguages.contains(a.redacted().language());
    String text = a.text().text();
    DocumentSentiment ds = a.sentiment();
    List<TopicTagger.Sentence> out = new ArrayList<>();
    if (!ds.sentences().isEmpty()) {
      for (SentenceSentiment s : ds.sentences()) {
        if (s.end() > text.length()) continue;
        out.add(new TopicTagger.Sentence(text.substring(s.start(), s.end()),
            scored ? s.sentiment().label() : null, scored ? s.sentiment().score() : 0));
      }
    } else {
      for (var s : a.text().sentences()) {
        if (s.end() > text.length()) continue;
        out.add(new TopicTagger.Sentence(text.substring(s.start(), s.end()),
            scored ? ds.document().label() : null, scored ? ds.document().score() : 0));
      }
    }
    return out;
  }
}
