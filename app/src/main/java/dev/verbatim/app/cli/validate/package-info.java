/**
 * {@code verbatim validate}: sample records for review, run the review queue, label in the
 * terminal, print accuracy and agreement with intervals, learn from labels, and exchange samples
 * and labels with other tools. Everything lives in the workspace's {@code validation.db}.
 */
@NullMarked
package dev.verbatim.app.cli.validate;

import org.jspecify.annotations.NullMarked;
