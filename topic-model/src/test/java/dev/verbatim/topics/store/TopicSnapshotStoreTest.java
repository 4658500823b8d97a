package dev.verbatim.topics.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.TopicDocument;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSnapshotStoreTest {
  private static final SimpleTermAnalyzer ANALYZER = new SimpleTermAnalyzer();
  private static final HashingSentenceEncoder ENCODER = new HashingSentenceEncoder(ANALYZER, 64);

  @Test
  void savedModelLoadsBackAndInfersTheSame(@TempDir Path dir) throws IOException {
    EmbeddingTopicModel m = new EmbeddingTopicTrainer(ENCODER, ANALYZER)
        .fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(3));
    TopicSnapshotStore store = new TopicSnapshotStore(dir.resolve("topics"));
    Path first = store.save(m, 1);
    Path second = store.save(m, 9);
    assertEquals("model-000001.json", first.getFileName().toString());
    assertEquals("model-000002.json", second.getFileName().toString());
    assertTrue(Files.readString(first).contains("\"format\" : \"verbatim-topics\""));

    TopicSnapshotStore.Snapshot s = store.latest(ENCODER, ANALYZER).orElseThrow();
    assertEquals(second, s.file());
    assertEquals(9, s.nextId());
    assertEquals(m.topics(), s.model().topics());
    assertTrue(s.model().training().isEmpty());
    TopicDocument doc = TopicDocument.of("n1", "Refund the double charge on my card. Package arrived late.");
    assertEquals(m.infer(doc), s.model().infer(doc));
  }

  @Test
  void refusesAnotherEncoderOrVersionWithAMessage(@TempDir Path dir) throws IOException {
    EmbeddingTopicModel m = new EmbeddingTopicTrainer(ENCODER, ANALYZER)
        .fit(TinyCorpus.load(), TopicParams.defaults().withTopics(2));
    TopicSnapshotStore store = new TopicSnapshotStore(dir);
    Path f = store.save(m, 1);
    IOException e = assertThrows(IOException.class, () -> store.load(f, new HashingSentenceEncoder(ANALYZER, 32), ANALYZER));
    assertTrue(e.getMessage().contains("hashing-64"), e.getMessage());
    Files.writeString(f, Files.readString(f).replace("\"version\" : 1", "\"version\" : 99"));
    IOException v = assertThrows(IOException.class, () -> store.load(f, ENCODER, ANALYZER));
    assertTrue(v.getMessage().contains("version 99"), v.getMessage());
    assertTrue(new TopicSnapshotStore(dir.resolve("none")).latest(ENCODER, ANALYZER).isEmpty());
  }
}
