/**
 * Seams between the server and the modules that compute what it shows. Each interface is small
 * and has one implementation that works on what a workspace holds today (the index, topic
 * snapshots, report files); the composition root ({@code VerbatimServer.forWorkspace}) picks them,
 * so a richer implementation (the trends module's friction report, the topic model's merge and
 * split) replaces one class without touching the routes.
 */
@NullMarked
package dev.verbatim.app.server.view;

import org.jspecify.annotations.NullMarked;
