/**
 * {@code verbatim serve}: the HTTP server behind the web UI and the JSON API (issue 9).
 *
 * <p>{@link dev.verbatim.app.server.VerbatimServer} wires Javalin (embedded Jetty) to a workspace:
 * {@code api/} holds the JSON routes, {@code view/} the thin seams over what other modules produce
 * (topics, trends, friction report, record detail), {@code security/} access tokens, CSRF, rate
 * limits and response headers. Web assets live in {@code src/main/resources/web/}: plain HTML pages
 * and small static scripts that insert customer text with {@code textContent} only.
 *
 * <p>Thread-safety: one server instance shares one {@code FeedbackSearch} and one {@code
 * ReviewQueue} across Jetty's request threads; both are thread-safe.
 */
@NullMarked
package dev.verbatim.app.server;

import org.jspecify.annotations.NullMarked;
