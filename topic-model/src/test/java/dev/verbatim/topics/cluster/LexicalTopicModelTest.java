package dev.verbatim.topics.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.DocumentTopics;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.lexical.LexicalTopicModel;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import org.junit.jupiter.api.Test;

class LexicalTopicModelTest {
  @Test
  void distilledModelAgreesWithItsTeacherAndMixesSumToOne() {
    SimpleTermAnalyzer a = new SimpleTermAnalyzer();
    Corpus corpus = TinyCorpus.load();
    EmbeddingTopicModel teacher = new EmbeddingTopicTrainer(new HashingSentenceEncoder(a, 256), a)
        .fit(corpus, TopicParams.defaults().withTopics(3).withSeed(7));
    LexicalTopicModel fast = LexicalTopicModel.distil(teacher, corpus, a);
    assertTrue(fast.agreement(teacher, corpus) >= 0.95, "agreement " + fast.agreement(teacher, corpus));
    for (String text : new String[] {"", "zzz", "refund my double charge. my package is late"}) {
      DocumentTopics dt = fast.infer(TopicDocument.of("x", text));
      assertEquals(1.0, dt.mix().weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
  }
}
