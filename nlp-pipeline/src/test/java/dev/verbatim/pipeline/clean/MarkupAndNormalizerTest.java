package dev.verbatim.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupAndNormalizerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "<p>I can't connect my bank</p> | I can't connect my bank",
    "<p>yes 3 times</p><p>fine</p> | yes 3 times\\nfine",
    "<div>line one<br>line two</div> | line one\\nline two",
    "<p>Hi</p><script>alert('x')</script><style>p{color:red}</style><p>there</p> | Hi\\nthere",
    "Settings &gt; Banks &amp; cards | Settings > Banks & cards",
    "<p>caf&eacute; &#233; &#x1F600;</p> | café é 😀",
    "I <3 this app & the team | I <3 this app & the team",
    "a < b and c > d | a < b and c > d",
    "crlf\\r\\nline | crlf\\nline",
    "<b>bold</b> and <i>it</i> | bold and it",
    "<!-- hidden --><p>shown</p> | shown",
  })
  void stripsMarkup(String in, String out) {
    String plain = Markup.toPlainText(in.replace("\\n", "\n").replace("\\r", "\r")).strip();
    assertEquals(out.strip(), plain.replace("\n", "\\n"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "  too   many    spaces  # too many spaces",
    "tab\tand\u00A0nbsp\u2003em # tab and nbsp em",
    "bell\u0007 and null\u0000 gone # bell and null gone",
    "zero\u200Bwidth\uFEFF # zerowidth",
    "e\u0301 composed # é composed",
    "family \uD83D\uDC68\u200D\uD83D\uDC69 kept # family \uD83D\uDC68\u200D\uD83D\uDC69 kept",
    "lone \uD800 surrogate # lone surrogate",
    "rtl \u202Eoverride # rtl override",
  })
  void normalisesLines(String in, String out) {
    assertEquals(out.strip(), LineNormalizer.normalize(in));
  }
}
