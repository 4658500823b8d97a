package dev.verbatim.app;

import static java.util.Objects.requireNonNull;

import dev.verbatim.pipeline.annotate.CascadeSentimentScorer;
import dev.verbatim.pipeline.annotate.SentimentScorer;
import dev.verbatim.pipeline.annotate.corenlp.CoreNlpSentimentScorer;
import dev.verbatim.pipeline.annotate.lexicon.LexiconSentimentScorer;
import dev.verbatim.validation.learn.LabelTrainedSentiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Builds the sentiment scorers that {@code run}, {@code eval sentiment} and {@code bench} can use,
 * by name, in one place. Stanford CoreNLP is loaded once, on first need, and shared by {@code
 * corenlp} and {@code cascade}; the label-trained model is read from the workspace.
 *
 * <ul>
 *   <li>{@code fast}: the lexicon scorer, the default (README, "Sentiment": best on accuracy and
 *       speed together);
 *   <li>{@code corenlp}: CoreNLP's recursive sentiment model, sentence by sentence;
 *   <li>{@code cascade}: fast, handing documents it is unsure of to CoreNLP;
 *   <li>{@code learned}: the model {@code validate learn} trained on this workspace's reviewer labels
 *       ({@link LabelTrainedScorer}).
 * </ul>
 */
public final class SentimentScorers {

  /** The scorers by the names the CLI accepts. */
  public enum Name {
    fast,
    corenlp,
    cascade,
    learned
  }

  /** Fast confidence below which the cascade hands a document to CoreNLP. */
  public static final double CASCADE_THRESHOLD = 0.55;

  private final @Nullable Path workspace;
  private final double cascadeThreshold;
  private @Nullable CoreNlpSentimentScorer core;
  private @Nullable LabelTrainedSentiment learned;

  /**
   * @param workspace where {@code learned} finds its model; null if there is no workspace
   * @param cascadeThreshold the cascade's hand-over threshold, in [0, 1]
   */
  public SentimentScorers(@Nullable Path workspace, double cascadeThreshold) {
    this.workspace = workspace;
    this.cascadeThreshold = cascadeThreshold;
  }

  /** The model file {@code validate learn} writes in {@code workspace}. */
  public static Path learnedModel(Path workspace) {
    return workspace.resolve("models").resolve("sentiment-labels.json");
  }

  /** Opens {@code name} with the shipped fast scorer. */
  public SentimentScorer open(Name name) throws IOException {
    return open(name, new LexiconSentimentScorer());
  }

  /**
   * Opens {@code name}, with {@code fast} as the fast scorer (of {@code fast} and {@code cascade})
   * and as the base whose outputs the label-trained model reads.
   *
   * @throws IllegalArgumentException if {@code learned} is asked for and the workspace has no model
   * @throws IOException if the learned model cannot be read
   */
  public SentimentScorer open(Name name, LexiconSentimentScorer fast) throws IOException {
    requireNonNull(fast, "fast");
    return switch (name) {
      case fast -> fast;
      case corenlp -> corenlp();
      case cascade -> new CascadeSentimentScorer(fast, corenlp(), cascadeThreshold);
      case learned -> new LabelTrainedScorer(fast, learnedModel());
    };
  }

  /**
   * The label-trained scorer over the shipped fast scorer.
   *
   * @throws IllegalArgumentException if the workspace has no model
   * @throws IOException if the model cannot be read
   */
  public LabelTrainedScorer learned() throws IOException {
    return new LabelTrainedScorer(new LexiconSentimentScorer(), learnedModel());
  }

  /** The workspace's label-trained model, read once (eval opens it for every gold file). */
  private synchronized LabelTrainedSentiment learnedModel() throws IOException {
    if (learned == null) {
      learned = LabelTrainedSentiment.load(existingModel());
    }
    return learned;
  }

  /** The shared CoreNLP scorer (falling back to the fast scorer on a failing sentence), loaded once. */
  public synchronized CoreNlpSentimentScorer corenlp() {
    if (core == null) {
      core = new CoreNlpSentimentScorer(new LexiconSentimentScorer(), CoreNlpSentimentScorer.Settings.defaults());
    }
    return core;
  }

  private Path existingModel() {
    if (workspace == null) {
      throw new IllegalArgumentException("the learned scorer needs a workspace: pass --workspace DIR");
    }
    Path model = learnedModel(workspace);
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("no label-trained sentiment model at " + model
          + ": label a sample (`validate sample`, `validate label`) and run `validate learn` first");
    }
    return model;
  }
}
