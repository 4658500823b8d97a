/**
 * The JSON API under {@code /api/}: one class per area (search and records, topics and trends,
 * reports, the review queue). Handlers validate their parameters and throw {@link
 * dev.verbatim.app.server.ApiException} with a 4xx status and a message that says what to fix.
 */
@NullMarked
package dev.verbatim.app.server.api;

import org.jspecify.annotations.NullMarked;
