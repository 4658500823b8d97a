package dev.verbatim.topics;

/**
 * Settings of a topic fit. Start from {@link #defaults()} and change what you need, e.g. {@code
 * TopicParams.defaults().withTopics(40).withSeed(7)}.
 *
 * @param topics number of topics, or 0 to choose it automatically between {@code minTopics} and
 *     {@code maxTopics} (criterion: see the trainer)
 * @param minTopics smallest K tried when choosing automatically; at least 2
 * @param maxTopics largest K tried when choosing automatically
 * @param seed seed of every random choice; the same corpus, params and seed give the same model
 * @param restarts k-means restarts (best kept) or, for LDA, ignored
 * @param iterations maximum iterations of the solver (k-means) or Gibbs sweeps (LDA)
 * @param topTerms top terms kept per topic
 * @param representatives representative record ids kept per topic
 */
public record TopicParams(
    int topics,
    int minTopics,
    int maxTopics,
    long seed,
    int restarts,
    int iterations,
    int topTerms,
    int representatives) {
  public TopicParams {
    if (topics < 0) throw new IllegalArgumentException("topics < 0: " + topics);
    if (minTopics < 2) throw new IllegalArgumentException("minTopics < 2: " + minTopics);
    if (maxTopics < minTopics) {
      throw new IllegalArgumentException("maxTopics " + maxTopics + " < minTopics " + minTopics);
    }
    if (restarts < 1) throw new IllegalArgumentException("restarts < 1: " + restarts);
    if (iterations < 1) throw new IllegalArgumentException("iterations < 1: " + iterations);
    if (topTerms < 1) throw new IllegalArgumentException("topTerms < 1: " + topTerms);
    if (representatives < 1) {
      throw new IllegalArgumentException("representatives < 1: " + representatives);
    }
  }

  /** Returns the defaults: automatic K in [5, 100], seed 42, 3 restarts, 50 iterations, 10 terms, 5 representatives. */
  public static TopicParams defaults() {
    return new TopicParams(0, 5, 100, 42L, 3, 50, 10, 5);
  }

  /** Returns these params with a fixed number of topics (0 = automatic). */
  public TopicParams withTopics(int k) {
    return new TopicParams(k, minTopics, maxTopics, seed, restarts, iterations, topTerms, representatives);
  }

  /** Returns these params with another automatic range. */
  public TopicParams withTopicRange(int min, int max) {
    return new TopicParams(topics, min, max, seed, restarts, iterations, topTerms, representatives);
  }

  /** Returns these params with another seed. */
  public TopicParams withSeed(long s) {
    return new TopicParams(topics, minTopics, maxTopics, s, restarts, iterations, topTerms, representatives);
  }

  /** Returns these params with another number of restarts. */
  public TopicParams withRestarts(int r) {
    return new TopicParams(topics, minTopics, maxTopics, seed, r, iterations, topTerms, representatives);
  }

  /** Returns these params with another iteration cap. */
  public TopicParams withIterations(int i) {
    return new TopicParams(topics, minTopics, maxTopics, seed, restarts, i, topTerms, representatives);
  }
}
