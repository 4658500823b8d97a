/**
 * Built-in text handling for topics until the annotate stage supplies sentences and lemmas:
 * sentence splitting, tokenization, an English stopword list. Stateless and thread-safe.
 */
@NullMarked
package dev.verbatim.topics.text;

import org.jspecify.annotations.NullMarked;
