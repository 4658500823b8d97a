package dev.verbatim.topics.tag;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicMix;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a record's sentences (and their sentiment) into topic tags with a saved term model.
 *
 * <p>Weights: half of a record goes to its most probable topic as a whole, the other half is spread
 * over the topics its sentences raise, by each sentence's number of known content terms (as the
 * embedding model mixes); tags under {@value #MIN_WEIGHT} are dropped and at most {@value #MAX_TAGS}
 * kept, so weights sum to at most 1. A sentence with no term the model knows raises nothing; a
 * record with none gets no tags (counted as untagged).
 *
 * <p>Sentiment of a tag: the majority label of the sentences that raised it (negative against
 * positive; a tie goes by the sign of their summed scores, neutral if zero); a tag only the record
 * as a whole raised takes the document's label. Thread-safe.
 */
public final class TopicTagger {
  /** Lightest tag kept. */
  public static final double MIN_WEIGHT = 0.05;

  /** Most tags per record. */
  public static final int MAX_TAGS = 5;

  private final LexicalTopicModel model;

  /** Creates a tagger over {@code model}. */
  public TopicTagger(LexicalTopicModel model) {
    this.model = requireNonNull(model, "model");
  }

  /** Returns the model the tagger infers with. */
  public LexicalTopicModel model() {
    return model;
  }

  /**
   * One sentence to tag.
   *
   * @param text the sentence
   * @param sentiment its label, or null if not scored
   * @param score its score in [-1, 1] (0 if not scored)
   */
  public record Sentence(String text, @Nullable Polarity sentiment, double score) {}

  /**
   * Tags one record.
   *
   * @param sentences its sentences in order
   * @param document the document's sentiment label, or null if not scored
   * @return tags, heaviest first (ties by id); empty if the model knows none of its words
   */
  public List<Tag> tag(List<Sentence> sentences, @Nullable Polarity document) {
    if (sentences.isEmpty()) return List.of();
    List<String> texts = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) texts.add(s.text());
    LexicalTopicModel.SentenceTopics st = model.sentenceTopics(texts);
    TopicMix mix = st.mix();
    if (mix == null) return List.of();
    int totalKnown = 0;
    for (int w : st.sentenceWeights()) totalKnown += w;
    Map<TopicId, double[]> acc = new LinkedHashMap<>(); // weight, neg, pos, score sum, sentences
    acc.put(mix.top(), new double[] {0.5, 0, 0, 0, 0});
    for (int j = 0; j < sentences.size(); j++) {
      TopicId t = st.sentenceTopics().get(j);
      if (t == null) continue;
      double[] a = acc.computeIfAbsent(t, z -> new double[5]);
      a[0] += 0.5 * st.sentenceWeights()[j] / totalKnown;
      Sentence s = sentences.get(j);
      if (s.sentiment() == Polarity.NEGATIVE) a[1]++;
      if (s.sentiment() == Polarity.POSITIVE) a[2]++;
      a[3] += s.score();
      a[4]++;
    }
    boolean scored = document != null;
    List<Tag> tags = new ArrayList<>();
    for (Map.Entry<TopicId, double[]> e : acc.entrySet()) {
      double[] a = e.getValue();
      if (a[0] < MIN_WEIGHT) continue;
      Polarity p = null;
      if (scored) {
        if (a[4] == 0) p = document;
        else if (a[1] > a[2]) p = Polarity.NEGATIVE;
        else if (a[2] > a[1]) p = Polarity.POSITIVE;
        else p = a[3] < 0 ? Polarity.NEGATIVE : a[3] > 0 ? Polarity.POSITIVE : Polarity.NEUTRAL;
      }
      tags.add(new Tag(e.getKey(), Math.min(1.0, a[0]), p, (int) a[4]));
    }
    tags.sort(Comparator.comparingDouble(Tag::weight).reversed().thenComparing(Tag::id));
    return tags.size() > MAX_TAGS ? List.copyOf(tags.subList(0, MAX_TAGS)) : List.copyOf(tags);
  }
}
