package dev.verbatim.pipeline.annotate.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.pipeline.annotate.AnnotatedText;
import dev.verbatim.pipeline.annotate.RuleBasedAnnotator;
import dev.verbatim.pipeline.annotate.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreNlpPosAnnotatorIT {

  @Test
  void tagsAndLemmatisesWithTheTags() {
    var annotator = new CoreNlpPosAnnotator(new RuleBasedAnnotator(), 200);
    AnnotatedText a = annotator.annotate("I saw the saw. Refunds were [EMAIL] slow!");
    List<String> tags = a.tokens().stream().map(Token::pos).toList();
    assertEquals(List.of("PRP", "VBD", "DT", "NN", "."), tags.subList(0, 5));
    List<String> lemmas = a.tokens().stream().map(Token::lemma).toList();
    assertEquals("see", lemmas.get(1));
    assertEquals("saw", lemmas.get(3));
    assertEquals("refund", lemmas.get(5));
    assertEquals(2, a.sentences().size());
  }
}
