package dev.verbatim.topics.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Corpus;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.Topic;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicModel;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAlignerTest {
  private static final SimpleTermAnalyzer ANALYZER = new SimpleTermAnalyzer();
  private static final EmbeddingTopicTrainer TRAINER =
      new EmbeddingTopicTrainer(new HashingSentenceEncoder(ANALYZER, 256), ANALYZER);

  @Test
  void refitsOfTheSameCorpusKeepEveryIdAndAnalystLabels() {
    TopicModel first = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(1));
    // an analyst renamed one topic; pretend earlier refits used ids up to t9
    TopicId renamed = first.topics().get(0).id();
    first = first.withLabel(renamed, "Billing: double charges");
    // a refit with another seed numbers its clusters its own way; alignment must undo that
    TopicModel second = TRAINER.fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(99));
    TopicAligner.Alignment a = TopicAligner.align(first, 10, second, true);
    TopicAligner.Alignment b = TopicAligner.align(a.model(), a.nextId(), TRAINER.fit(TinyCorpus.load(),
        TopicParams.defaults().withTopics(3).withSeed(5)), true);
    for (TopicAligner.Alignment al : List.of(a, b)) {
      assertEquals(3, al.report().kept().size(), al.report().toString());
      assertTrue(al.report().added().isEmpty() && al.report().vanished().isEmpty());
      assertEquals(ids(first), ids(al.model()));
      assertEquals("Billing: double charges", label(al.model(), renamed));
      // training records keep their topic id (another seed may move a borderline record or two)
      int same = 0;
      for (String doc : first.training().keySet()) {
        if (first.training().get(doc).mix().top().equals(al.model().training().get(doc).mix().top())) same++;
      }
      assertTrue(same >= first.training().size() - 4, same + " of " + first.training().size());
    }
    assertEquals(10, a.nextId());
  }

  @Test
  void refitWithTheSameSeedKeepsEveryRecordOnItsTopic() {
    TopicParams p = TopicParams.defaults().withTopics(3).withSeed(1);
    TopicModel first = TRAINER.fit(TinyCorpus.load(), p);
    TopicAligner.Alignment a = TopicAligner.align(first, 4, TRAINER.fit(TinyCorpus.load(), p), true);
    TopicAligner.Alignment b = TopicAligner.align(a.model(), a.nextId(), TRAINER.fit(TinyCorpus.load(), p), true);
    assertEquals(first.topics(), b.model().topics());
    assertEquals(first.training(), b.model().training());
  }

  @Test
  void aNewThemeGetsAFreshIdAndAMissingOneVanishes() {
    Corpus base = TinyCorpus.load();
    TopicModel old = TRAINER.fit(base, TopicParams.defaults().withTopics(3).withSeed(1));
    List<TopicDocument> docs = new ArrayList<>();
    for (TopicDocument d : base.documents()) if (!d.id().startsWith("l")) docs.add(d); // login theme gone
    String[] app = {"The mobile app crashes on startup", "App crashes when I open the camera screen",
        "The app crashes every time after the update", "Crashes in the app on my phone since update",
        "App keeps crashing on startup after update", "The new app update crashes constantly",
        "Mobile app crash when opening settings", "App crash on launch after latest update"};
    for (int i = 0; i < app.length; i++) docs.add(TopicDocument.of("a" + i, app[i]));
    TopicModel refit = TRAINER.fit(new Corpus(docs), TopicParams.defaults().withTopics(3).withSeed(1));
    TopicAligner.Alignment al = TopicAligner.align(old, 4, refit, true);
    assertEquals(2, al.report().kept().size(), al.report().toString());
    assertEquals(List.of(TopicId.of(4)), al.report().added());
    assertEquals(1, al.report().vanished().size());
    assertEquals(5, al.nextId());
  }

  private static List<TopicId> ids(TopicModel m) {
    return m.topics().stream().map(Topic::id).sorted().toList();
  }

  private static String label(TopicModel m, TopicId id) {
    return m.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().label();
  }

  @SuppressWarnings("unused")
  private static Map<TopicId, TopicId> none() {
    return Map.of();
  }
}
