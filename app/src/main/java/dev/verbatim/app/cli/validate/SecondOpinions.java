package dev.verbatim.app.cli.validate;

import dev.verbatim.app.SentimentScorers;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.corenlp.CoreNlpSentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
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

  /** Opens a second scorer of the given kind for the workspace. */
  static ValidateCommand.SecondOpinion standard(Path workspace, String kind) throws IOException {
    String k = kind.strip().toLowerCase(Locale.ROOT);
    Path model = learnedModel(workspace);
    if (k.equals("auto")) {
      k = Files.isRegularFile(model) ? "learned" : "corenlp";
    }
    return switch (k) {
      case "learned" -> {
        if (!Files.isRegularFile(model)) {
          throw new IllegalArgumentException("no label-trained model at " + model
              + "; label a sample and run `validate learn` first, or use --second corenlp");
        }
        yield learned(LabelTrainedSentiment.load(model));
      }
      case "corenlp" -> corenlp(new CoreNlpSentimentScorer(new LexiconSentimentScorer(),
          CoreNlpSentimentScorer.Settings.defaults()));
      default -> throw new IllegalArgumentException("unknown second scorer '" + kind + "'; use auto, learned or corenlp");
    };
  }

  static ValidateCommand.SecondOpinion learned(LabelTrainedSentiment m) {
    return new ValidateCommand.SecondOpinion() {
      @Override
      public String name() {
        return "the model trained on " + m.trainedOn() + " reviewer labels";
      }

      @Override
      public int defaultPool() {
        return Integer.MAX_VALUE;
      }

      @Override
      public SentimentLabel label(PopulationRecord r) {
        return m.predict(r.scored()).label();
      }
    };
  }

  static ValidateCommand.SecondOpinion corenlp(SentimentScorer scorer) {
    return new ValidateCommand.SecondOpinion() {
      @Override
      public String name() {
        return "CoreNLP sentiment (" + scorer.id() + ")";
      }

      @Override
      public int defaultPool() {
        return CORENLP_POOL;
      }

      @Override
      public SentimentLabel label(PopulationRecord r) {
        return SentimentLabel.valueOf(scorer.score(r.text()).document().label().name());
      }
    };
  }
}
