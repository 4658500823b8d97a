/**
 * Versioned JSON snapshots of topic models in the workspace's {@code topics/} folder. No Java
 * serialization: each file starts with a format name and version and is read back by a strict
 * reader that says what to fix.
 */
@NullMarked
package dev.verbatim.topics.store;

import org.jspecify.annotations.NullMarked;
