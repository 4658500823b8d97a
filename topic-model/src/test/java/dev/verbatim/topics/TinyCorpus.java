package dev.verbatim.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 24-record literal corpus in fixtures/tiny-corpus.txt: billing, login and delivery complaints. */
public final class TinyCorpus {
  private TinyCorpus() {}

  /** Returns the corpus, in file order. */
  public static Corpus load() {
    try (InputStream in = TinyCorpus.class.getResourceAsStream("/fixtures/tiny-corpus.txt")) {
      if (in == null) throw new IllegalStateException("fixtures/tiny-corpus.txt missing");
      List<TopicDocument> docs = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) continue;
        String[] parts = line.split("\t", 2);
        docs.add(TopicDocument.of(parts[0], parts[1]));
      }
      return new Corpus(docs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
