package dev.verbatim.pipeline.redact;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CoreNLP's CRF named-entity recogniser (Finkel, Grenager and Manning 2005), the English
 * CoNLL 4-class model with distributional-similarity features ({@code
 * english.conll.4class.distsim.crf.ser.gz}, from the {@code stanford-corenlp:models} artifact on
 * Maven Central): PERSON, ORGANIZATION, LOCATION, MISC.
 *
 * <p><b>Why this recogniser.</b> OpenNLP publishes no name-finder model on Maven Central, and
 * Verbatim downloads nothing at run time; CoreNLP's models jar is already on the runtime classpath
 * for the sentiment scorer. Of its English CRF models the CoNLL 4-class one is the smallest (18 MB)
 * and, unlike the 3-class model, has a MISC class, so product and feature names ("Bill Pay", "Dark
 * Mode") come out as MISC rather than as nothing. It still costs about 0.2 ms per token, far too
 * much to run on every sentence, so {@link CueNameFinder} asks it only about sentences holding a
 * capitalised word pair it cannot explain or a name found by gazetteer alone.
 *
 * <p>Loaded once per JVM, on first use (about 4 s, about 100 MB of heap). Thread-safe: CoreNLP
 * shares one classifier across its annotator threads in the same way.
 */
final class CrfEntities {

  static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /** One entity: CoNLL label and offsets in the classified text. */
  record Entity(String label, int start, int end) {
    boolean overlaps(int s, int e) {
      return start < e && s < end;
    }
  }

  private static final class Holder {
    static final CRFClassifier<CoreLabel> CLASSIFIER = load();
  }

  private CrfEntities() {}

  private static CRFClassifier<CoreLabel> load() {
    ClassLoader cl = CrfEntities.class.getClassLoader();
    try (InputStream raw = cl.getResourceAsStream(MODEL)) {
      if (raw == null) {
        throw new IllegalStateException(
            "CoreNLP NER model " + MODEL + " is not on the classpath: add the edu.stanford.nlp:stanford-corenlp "
                + "artifact with classifier 'models' (runtime scope)");
      }
      try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        return CRFClassifier.getClassifier(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CoreNLP NER model " + MODEL, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the CoreNLP NER model " + MODEL + " does not match the CoreNLP code", e);
    }
  }

  /** Loads the model now rather than on the first record. */
  static void preload() {
    Holder.CLASSIFIER.getClass();
  }

  /**
   * Windows already classified, with their entities. Feedback repeats windows a lot (an agent's
   * sign-off "Cheers, Mei", a bot's "I'm Fin" in thousands of chats) and the model is
   * deterministic, so a repeat costs a lookup. Cleared when full, so it stays bounded (about
   * {@value #CACHE_SIZE} windows of at most a few hundred characters).
   */
  private static final ConcurrentHashMap<String, List<Entity>> CACHE = new ConcurrentHashMap<>();

  static final int CACHE_SIZE = 20_000;

  /** The entities in {@code text} (one sentence or a short window), offsets relative to it. */
  static List<Entity> entities(String text) {
    List<Entity> cached = CACHE.get(text);
    if (cached != null) return cached;
    List<Triple<String, Integer, Integer>> found = Holder.CLASSIFIER.classifyToCharacterOffsets(text);
    List<Entity> out = new ArrayList<>(found.size());
    for (Triple<String, Integer, Integer> t : found) out.add(new Entity(t.first(), t.second(), t.third()));
    out = List.copyOf(out);
    if (CACHE.size() >= CACHE_SIZE) CACHE.clear();
    CACHE.put(text, out);
    return out;
  }
}
