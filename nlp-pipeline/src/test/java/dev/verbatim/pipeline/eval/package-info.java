/**
 * Evaluation and benchmark mains for the clean and redact stages (test scope): language-detection
 * accuracy, redaction recall and false-mask rate, clean + redact throughput. Each prints its
 * figures; see the class docs for the command.
 */
@NullMarked
package dev.verbatim.pipeline.eval;

import org.jspecify.annotations.NullMarked;
