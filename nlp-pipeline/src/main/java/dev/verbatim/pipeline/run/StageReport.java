package dev.verbatim.pipeline.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One stage's counts in a run report. {@code in = out + rejected} always holds for a finished run.
 *
 * @param name the stage's name
 * @param in records the stage received
 * @param out records it passed on
 * @param rejected records it quarantined
 * @param seconds time spent in the stage, summed over worker threads
 * @param rejectedByReason the rejections by reason code
 */
public record StageReport(
    String name,
    long in,
    long out,
    long rejected,
    double seconds,
    @JsonProperty("rejected_by_reason") Map<String, Long> rejectedByReason) {
  public StageReport {
    rejectedByReason = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rejectedByReason));
  }

  /** True if every record that came in went out or was rejected. */
  public boolean addsUp() {
    return in == out + rejected;
  }
}
