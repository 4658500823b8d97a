package dev.verbatim.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One bucket of a time histogram: the records whose event time falls in {@code [start, next
 * bucket's start)}, in UTC.
 *
 * @param start the first day of the bucket, ISO ({@code 2026-03-02}); a Monday for weeks, the 1st
 *     for months
 * @param count matching records in the bucket
 * @param negative records among them whose document sentiment is negative
 * @param negativeShare {@code negative / count}, 0 for an empty bucket
 */
@JsonPropertyOrder({"start", "count", "negative", "negative_share"})
public record HistogramBucket(
    String start, long count, long negative, @JsonProperty("negative_share") double negativeShare) {}
