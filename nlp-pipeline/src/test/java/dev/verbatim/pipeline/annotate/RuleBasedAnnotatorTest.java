package dev.verbatim.pipeline.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.pipeline.annotate.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBasedAnnotatorTest {

  private static final RuleBasedAnnotator ANNOTATOR = new RuleBasedAnnotator();

  private static List<String> texts(String s) {
    return ANNOTATOR.annotate(s).tokens().stream().map(Token::text).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I don't like it!!!              | I,don't,like,it,!!!
          Mail [EMAIL] now                | Mail,[EMAIL],now
          so sad :( really                | so,sad,:(,really
          see https://x.io/a?b=1 ok       | see,https://x.io/a?b=1,ok
          @united #fail 3.5 hrs           | @united,#fail,3.5,hrs
          wi-fi in the U.S. works         | wi-fi,in,the,U.S.,works
          at 10:30 <3                     | at,10:30,<3
          """)
  void tokenizesCustomerText(String text, String expected) {
    assertEquals(List.of(expected.split(",")), texts(text));
  }

  @Test
  void keepsEmojiWhole() {
    List<Token> t = ANNOTATOR.annotate("love it 👍🏽❤️").tokens();
    assertEquals(List.of("love", "it", "👍🏽", "❤️"), t.stream().map(Token::text).toList());
    assertEquals(Kind.EMOJI, t.get(2).kind());
  }

  @Test
  void splitsSentencesWithOffsets() {
    String text = "Dr. Smith was great. The app crashed!! Why?\nNo reply since Monday";
    AnnotatedText a = ANNOTATOR.annotate(text);
    List<String> sentences =
        a.sentences().stream().map(s -> text.substring(s.start(), s.end())).toList();
    assertEquals(
        List.of("Dr. Smith was great.", "The app crashed!!", "Why?", "No reply since Monday"),
        sentences);
  }

  @Test
  void lemmatisesWords() {
    AnnotatedText a = ANNOTATOR.annotate("Flights were cancelled and bags went missing");
    assertEquals(List.of("flight", "be", "cancel", "and", "bag", "go", "miss"), a.wordLemmas());
  }

  @Test
  void placeholdersAreTheirOwnKind() {
    List<Token> t = ANNOTATOR.annotate("Call [PERSON] at [PHONE]").tokens();
    assertEquals(Kind.PLACEHOLDER, t.get(1).kind());
    assertEquals(Kind.PLACEHOLDER, t.get(3).kind());
  }

  @Test
  void emptyTextHasNoSentences() {
    assertEquals(List.of(), ANNOTATOR.annotate("").sentences());
    assertEquals(List.of(), ANNOTATOR.annotate(" \n\t ").sentences());
  }
}
