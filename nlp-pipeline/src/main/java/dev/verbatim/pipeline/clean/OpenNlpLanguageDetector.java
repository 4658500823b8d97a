package dev.verbatim.pipeline.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection with Apache OpenNLP's {@code langdetect-183} model (103 languages, maxent over
 * character n-grams), loaded from the {@code opennlp-models-langdetect} jar on the classpath.
 *
 * <p><b>Rule for short texts.</b> A text with fewer than {@link #MIN_LETTERS} letters or fewer than
 * two words is {@code und}: a greeting or "ok thanks" says nothing reliable about its language.
 * Otherwise the model's best guess is returned if its confidence is at least {@link
 * #MIN_CONFIDENCE}, else {@code und}. Over 103 languages the model's probabilities are small: on
 * our sample real sentences score 0.034 or more, while "thanks a lot" or "great app" score 0.010 to
 * 0.017 and are often mislabelled (Latin, Waray), so 0.02 separates the two. Only the first {@link #MAX_CHARS} characters are read, which
 * keeps a megabyte text cheap and is plenty for a verdict.
 *
 * <p>NOTE: thread-safe. The model (about 10 MB, ~1 s to load) is shared; each thread gets its own
 * light {@link LanguageDetectorME}, whose thread-safety OpenNLP does not document. Build one
 * instance per run and share it.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

  /** Fewer letters than this: {@code und}. */
  public static final int MIN_LETTERS = 12;

  /** Below this model confidence: {@code und}. */
  public static final double MIN_CONFIDENCE = 0.02;

  /** Only this prefix of a text is looked at. */
  public static final int MAX_CHARS = 400;

  private static final String MODEL = "/langdetect-183.bin";

  private static final Map<String, String> ISO3_TO_BCP47 = iso3Table();

  private final LanguageDetectorModel model;
  private final ThreadLocal<LanguageDetectorME> detectors;

  private OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.model = model;
    this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(this.model));
  }

  /**
   * Loads the model from the classpath.
   *
   * @throws IllegalStateException if {@code org.apache.opennlp:opennlp-models-langdetect} is not on
   *     the classpath
   */
  public static OpenNlpLanguageDetector fromClasspath() {
    try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException(
            "language model " + MODEL + " not on the classpath: add the Maven dependency "
                + "org.apache.opennlp:opennlp-models-langdetect");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read language model " + MODEL, e);
    }
  }

  @Override
  public String detect(String text) {
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (!longEnough(sample)) return UNDETERMINED;
    Language best = detectors.get().predictLanguage(sample);
    if (best == null || best.getConfidence() < MIN_CONFIDENCE) return UNDETERMINED;
    return toBcp47(best.getLang());
  }

  @Override
  public String id() {
    return "opennlp-langdetect-183";
  }

  static boolean longEnough(String s) {
    int letters = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean letter = Character.isLetter(s.charAt(i));
      if (letter) letters++;
      if (letter && !inWord) words++;
      inWord = letter || (inWord && s.charAt(i) == '\'');
    }
    return letters >= MIN_LETTERS && words >= 2;
  }

  /** ISO 639-3 (the model's labels) to the shortest BCP-47 form, e.g. {@code deu} to {@code de}. */
  static String toBcp47(String iso3) {
    return ISO3_TO_BCP47.getOrDefault(iso3, iso3.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> iso3Table() {
    Map<String, String> table = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        table.put(Locale.of(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code for this language: nothing to map
      }
    }
    // The model labels some macrolanguages by a member; map them to the tag users expect.
    table.put("cmn", "zh");
    table.put("zlm", "ms");
    table.put("pes", "fa");
    table.put("lvs", "lv");
    table.put("ekk", "et");
    table.put("swh", "sw");
    table.put("nob", "no");
    return Map.copyOf(table);
  }
}
