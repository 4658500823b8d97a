/**
 * Validation: human reads behind every accuracy figure, and labels that make the models better.
 *
 * <p>The flow: a {@link dev.verbatim.validation.PopulationSource} gives the scored records; a
 * {@link dev.verbatim.validation.sample.Sampler} draws a reproducible sample (stratified,
 * uncertainty, disagreement or targeted) and keeps its inclusion weights; the {@link
 * dev.verbatim.validation.queue.ReviewQueue} (SQLite in the workspace) hands items to reviewers
 * under expiring leases and stores their labels durably; {@link
 * dev.verbatim.validation.estimate.Estimator} turns labels into accuracy, macro-F1, per-topic
 * precision and agreement with intervals, weighted back to the population; {@link
 * dev.verbatim.validation.learn.LabelTrainedSentiment} learns from the labels.
 *
 * <p>The app adapts the search index to {@link dev.verbatim.validation.PopulationSource} (and
 * second scorers for disagreement samples). The learner uses a sentence encoder (e5-small-v2,
 * shipped in a Maven artifact, run on the topic model's ONNX runtime) for embedding features, and
 * reviewers' topic corrections become edits of the topic model's taxonomy ({@code learn.TaxonomyFeedback}).
 */
@NullMarked
package dev.verbatim.validation;

import org.jspecify.annotations.NullMarked;
