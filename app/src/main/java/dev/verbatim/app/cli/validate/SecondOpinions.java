package dev.verbatim.app.cli.validate;

import dev.verbatim.app.LabelTrainedScorer;
import dev.verbatim.app.SentimentScorers;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Second opinions for disagreement samples: where a second scorer's label differs from the shipped
 * fast scorer's (the label in the index), the record is worth a human read.
 *
 * <ul>
 *   <li>{@code learned}: the model {@code validate learn} trained on this workspace's reviewer
 *       labels ({@code models/sentiment-labels.json}); fast, so it sees the whole population. Its
 *       disagreements are where the customer's own labels say the shipped scorer goes wrong.
 *   <li>{@code corenlp}: Stanford CoreNLP's sentiment tree model, a different method (a parser and
 *       a neural model trained on movie-review phrases) than the lexicon; slow (tens of milliseconds
 *       per sentence), so it scores a seeded random candidate pool ({@code --pool}, default 2,000).
 *   <li>{@code auto} (default): {@code learned} when the workspace has such a model, else {@code corenlp}.
 * </ul>
 */
final class SecondOpinions {
  /** CoreNLP's default candidate pool: about a minute of parsing on one core for short texts. */
  static final int CORENLP_POOL = 2000;

  private SecondOpinions() {}

  /** The model file {@code validate learn} writes. */
  static Path learnedModel(Path workspace) {
    return SentimentScorers.learnedModel(workspace);
  }

  /**
   * Opens a second scorer of the given kind for the workspace, built by {@link SentimentScorers}
   * as {@code run --scorer} builds it (so the learned model reads the fast scorer's output, as it
   * was trained to, whatever scorer indexed the records).
   */
  static ValidateCommand.SecondOpinion standard(Path workspace, String kind) throws IOException {
    String k = kind.strip().toLowerCase(Locale.ROOT);
    if (k.equals("auto")) {
      k = Files.isRegularFile(learnedModel(workspace)) ? "learned" : "corenlp";
    }
    var scorers = new SentimentScorers(workspace, SentimentScorers.CASCADE_THRESHOLD);
    return switch (k) {
      case "learned" -> {
        LabelTrainedScorer learned = scorers.learned();
        yield of(learned, Integer.MAX_VALUE, "the model trained on " + learned.trainedOn() + " reviewer labels");
      }
      case "corenlp" -> of(scorers.corenlp(), CORENLP_POOL, "CoreNLP sentiment (" + scorers.corenlp().id() + ")");
      default -> throw new IllegalArgumentException("unknown second scorer '" + kind + "'; use auto, learned or corenlp");
    };
  }

  /** A scorer as a second opinion on each record's text; {@code pool} is its default candidate pool. */
  static ValidateCommand.SecondOpinion of(SentimentScorer scorer, int pool, String name) {
    return new ValidateCommand.SecondOpinion() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int defaultPool() {
        return pool;
      }

      @Override
      public SentimentLabel label(PopulationRecord r) {
        return SentimentLabel.valueOf(scorer.score(r.text()).document().label().name());
      }
    };
  }
}
