/**
 * The demo corpus generator: a realistic, deterministic set of customer-feedback exports (help-desk
 * tickets, chat conversations, app-store reviews, NPS survey) with accounts and outcomes, plus the
 * truth that was planted in them (a growing theme, churn- and expansion-linked themes, a segment
 * confounder, PII, malformed rows) so tests can check that Verbatim finds it. See {@code PLANTED.md}
 * in this folder.
 *
 * <p>Entry points: {@link dev.verbatim.app.demo.DemoCorpus#generate} writes the exports and returns a
 * {@link dev.verbatim.app.demo.DemoManifest}; {@link dev.verbatim.app.demo.DemoCorpus#writeCanonicalJsonl}
 * streams canonical records fast for benchmarks; {@link dev.verbatim.app.demo.GenerateDemoCommand} is
 * the CLI. Text comes from a phrase grammar ({@link dev.verbatim.app.demo.PhraseBank}); every choice
 * comes from a seeded random source, so the same settings give byte-identical files. Generation is
 * single-threaded; the classes hold no shared mutable state.
 */
@NullMarked
package dev.verbatim.app.demo;

import org.jspecify.annotations.NullMarked;
