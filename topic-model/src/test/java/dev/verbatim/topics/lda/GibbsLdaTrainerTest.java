package dev.verbatim.topics.lda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import org.junit.jupiter.api.Test;

class GibbsLdaTrainerTest {
  private static final GibbsLdaTrainer LDA = new GibbsLdaTrainer(new SimpleTermAnalyzer(), 100);
  private static final TopicParams PARAMS = TopicParams.defaults().withTopics(3).withSeed(11);

  @Test
  void isDeterministicForASeed() {
    LdaTopicModel a = LDA.fit(TinyCorpus.load(), PARAMS);
    LdaTopicModel b = LDA.fit(TinyCorpus.load(), PARAMS);
    assertEquals(a.topics(), b.topics());
    assertEquals(a.training(), b.training());
    assertEquals(3, a.topics().size());
  }

  @Test
  void mixesSumToOneIncludingRecordsWithNoKnownWord() {
    LdaTopicModel m = LDA.fit(TinyCorpus.load(), PARAMS);
    for (DocumentTopics dt : m.training().values()) assertSum(dt);
    assertSum(m.infer(TopicDocument.of("x", "refund the double charge")));
    assertSum(m.infer(TopicDocument.of("y", "")));
    assertSum(m.infer(TopicDocument.of("z", "qwertyuiop zxcvbnm")));
  }

  private static void assertSum(DocumentTopics dt) {
    double s = 0;
    for (double w : dt.mix().weights().values()) s += w;
    assertEquals(1.0, s, 1e-9);
  }
}
