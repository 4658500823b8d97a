/**
 * The pipeline's {@code topics} stage: tags each annotated record with the topics its sentences
 * raise, using the workspace's saved inference model, each tag carrying the sentiment of the
 * sentences that raised it. Consumes {@code Annotated}, produces {@link
 * dev.verbatim.topics.tag.Topical}; rejects nothing (a record the model cannot read is passed on
 * untagged and counted). Thread-safe.
 */
@NullMarked
package dev.verbatim.topics.tag;

import org.jspecify.annotations.NullMarked;
