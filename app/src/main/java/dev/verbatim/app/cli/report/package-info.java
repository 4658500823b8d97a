/**
 * {@code verbatim report friction}: the friction report (HTML, JSON or CSV) from a workspace's
 * index, accounts and outcomes. The statistics live in the {@code trends} module.
 */
@NullMarked
package dev.verbatim.app.cli.report;

import org.jspecify.annotations.NullMarked;
