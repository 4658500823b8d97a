/**
 * Sentence encoders: text → unit vector. {@link dev.verbatim.topics.embed.OnnxSentenceEncoder} runs
 * the quantized MiniLM or bge-small models shipped inside LangChain4j's Maven artifacts on ONNX
 * Runtime (no download at run time); {@link dev.verbatim.topics.embed.HashingSentenceEncoder} is a
 * model-free bag-of-words encoder for fast tests. All encoders are thread-safe.
 */
@NullMarked
package dev.verbatim.topics.embed;

import org.jspecify.annotations.NullMarked;
