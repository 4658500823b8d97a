package dev.verbatim.topics.text;

import java.util.Set;

/** An English stopword list (function words, pronouns, auxiliaries, chat filler). */
public final class Stopwords {
  private Stopwords() {}

  /** Lower-case English stopwords, contractions included (with a straight apostrophe). */
  public static final Set<String> ENGLISH =
      Set.copyOf(
          java.util.Arrays.asList(
          "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
          "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
          "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
          "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from",
          "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd",
          "he'll", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'd",
          "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it'", "its", "itself",
          "let", "me", "more", "most", "mustn't", "my", "myself", "no", "nor", "not", "of", "off",
          "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
          "own", "same", "shan't", "she", "she'd", "she'll", "should", "shouldn't", "so", "some",
          "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
          "these", "they", "they'd", "they'll", "they're", "they've", "this", "those", "through",
          "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll",
          "we're", "we've", "were", "weren't", "what", "when", "where", "which", "while", "who",
          "whom", "why", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're",
          "you've", "your", "yours", "yourself", "yourselves", "will", "just", "also", "get", "got",
          "im", "dont", "cant", "ive", "u", "ur", "pls", "please", "thank", "thanks", "hi", "hello",
          "hey", "yes", "ok", "okay", "oh", "would", "may", "might", "must", "shall", "still", "yet",
          "now", "even", "much", "many", "really", "one", "two", "via", "us", "like", "there's",
          "what's", "that's", "it's", "here's", "let's", "who's", "where's", "how's", "when's",
          "why's", "wont", "didnt", "doesnt", "isnt", "wasnt", "want", "need", "know", "go", "going",
          "make", "made", "since", "ago", "every", "already", "though", "although", "however",
          "yet", "etc", "amp", "lt", "gt", "http", "https", "co", "rt"));
}
