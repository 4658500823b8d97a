package dev.verbatim.topics.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.pipeline.annotate.Polarity;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
  private static final SimpleTermAnalyzer A = new SimpleTermAnalyzer();
  private static final EmbeddingTopicModel TEACHER = new EmbeddingTopicTrainer(new HashingSentenceEncoder(A, 256), A)
      .fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(7));
  private static final TopicTagger TAGGER = new TopicTagger(LexicalTopicModel.distil(TEACHER, TinyCorpus.load(), A));

  private static TopicId topicOf(String id) {
    return TEACHER.training().get(id).mix().top();
  }

  @Test
  void eachTopicCarriesTheSentimentOfItsOwnSentences() {
    List<Tag> tags = TAGGER.tag(List.of(
        new TopicTagger.Sentence("I was charged twice and want a refund of the double charge.", Polarity.NEGATIVE, -0.7),
        new TopicTagger.Sentence("The package arrived early, great delivery.", Polarity.POSITIVE, 0.8)), Polarity.NEUTRAL);
    Map<TopicId, Tag> byId = tags.stream().collect(Collectors.toMap(Tag::id, t -> t));
    assertEquals(Polarity.NEGATIVE, byId.get(topicOf("b1")).sentiment(), tags.toString());
    assertEquals(Polarity.POSITIVE, byId.get(topicOf("d1")).sentiment(), tags.toString());
    assertTrue(tags.stream().mapToDouble(Tag::weight).sum() <= 1.000001);
  }

  @Test
  void unscoredRecordsGetTagsWithoutSentimentAndUnknownWordsGetNone() {
    List<Tag> tags = TAGGER.tag(List.of(new TopicTagger.Sentence("password reset link broken", null, 0)), null);
    assertEquals(topicOf("l1"), tags.get(0).id());
    assertNull(tags.get(0).sentiment());
    assertTrue(TAGGER.tag(List.of(new TopicTagger.Sentence("zzz qqq", Polarity.NEUTRAL, 0)), Polarity.NEUTRAL).isEmpty());
    assertTrue(TAGGER.tag(List.of(), Polarity.NEUTRAL).isEmpty());
  }
}
