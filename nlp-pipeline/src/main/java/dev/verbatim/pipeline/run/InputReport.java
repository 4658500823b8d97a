package dev.verbatim.pipeline.run;

/**
 * One input file of a run.
 *
 * @param file the path as given
 * @param format the reader used, e.g. {@code zendesk}
 * @param records records read from it (passed and rejected)
 * @param rejected records rejected at ingest
 */
public record InputReport(String file, String format, long records, long rejected) {}
