package dev.verbatim.topics.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.align.TopicAligner;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyStoreTest {
  private static final SimpleTermAnalyzer ANALYZER = new SimpleTermAnalyzer();
  private static final EmbeddingTopicTrainer TRAINER =
      new EmbeddingTopicTrainer(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER);

  @Test
  void seededThemeNamesTheTopicOfItsSeedPhrases() {
    Theme access = new Theme("Account access", List.of("password reset", "cannot log in"), null);
    EmbeddingTopicModel m = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(2), List.of(access));
    TopicId login = m.training().get("l1").mix().top();
    assertEquals("Account access", label(m, login));
  }

  @Test
  void renamesSurviveARefitAndTheFileRoundTrips(@TempDir Path dir) throws IOException {
    TaxonomyStore store = new TaxonomyStore(dir);
    assertEquals(Taxonomy.empty(), store.load());
    TopicModel first = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(1));
    TopicId billing = first.training().get("b1").mix().top();
    Taxonomy tax = new Taxonomy(List.of(new Theme("Billing", List.of("refund"), null),
        new Theme("Double charges", List.of("charged twice"), "Billing")), Map.of()).withRename(billing, "Charged twice");
    store.save(tax);
    assertEquals(tax, store.load());

    TopicModel refit = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(77));
    TopicModel aligned = store.load().applyTo(TopicAligner.align(first, 4, refit, false).model());
    assertEquals("Charged twice", label(aligned, aligned.training().get("b1").mix().top()));
  }

  @Test
  void refusesAThirdLevel() {
    assertThrows(IllegalArgumentException.class, () -> new Taxonomy(List.of(new Theme("A", List.of("a"), null),
        new Theme("B", List.of("b"), "A"), new Theme("C", List.of("c"), "B")), Map.of()));
  }

  private static String label(TopicModel m, TopicId id) {
    return m.topics().stream().filter(t -> t.id().equals(id)).map(Topic::label).findFirst().orElseThrow();
  }
}
