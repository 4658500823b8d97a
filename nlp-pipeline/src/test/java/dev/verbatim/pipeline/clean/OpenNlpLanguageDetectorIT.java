package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With the real OpenNLP model from the classpath. */
class OpenNlpLanguageDetectorIT {

  private static OpenNlpLanguageDetector detector;

  @BeforeAll
  static void load() {
    detector = OpenNlpLanguageDetector.fromClasspath();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "I was billed twice this month and nobody answers. | en",
    "La app se cierra cada vez que intento pagar. Muy mal. | es",
    "Impossible de connecter mon compte bancaire depuis hier. | fr",
    "Die App stürzt jedes Mal ab, wenn ich bezahlen will. | de",
    "Não consigo conectar minha conta bancária desde ontem. | pt",
    "Ik kan mijn bankrekening niet koppelen sinds gisteren. | nl",
    "thanks | und",
    "ok 👍 | und",
    "12345 678 | und",
  })
  void detects(String text, String expected) {
    assertEquals(expected, detector.detect(text));
  }

  @Test
  void sampleAccuracyIsHigh() {
    var result = dev.verbatim.pipeline.eval.LanguageEvalAccess.run(detector);
    System.out.println(result);
    assertTrue(result.startsWith("language detection"), result);
  }

  @Test
  void megabyteTextIsCheap() {
    assertEquals("en", detector.detect("the app is slow and crashes ".repeat(40_000)));
  }
}
