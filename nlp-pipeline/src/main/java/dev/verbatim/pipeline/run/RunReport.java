package dev.verbatim.pipeline.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run did: every stage's counts and time, its inputs, and where the rejected records are.
 * Written to {@code runs/<run-id>.json} and printed as a table.
 *
 * @param runId the run's id, also the quarantine file's name
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param wallSeconds elapsed time of the whole run
 * @param workers worker threads used
 * @param inputs the files read
 * @param stages every stage in flow order, starting with {@code ingest}
 * @param sideInputs files validated beside the flow (accounts, outcomes), counted like stages
 * @param quarantine the quarantine file (JSONL, one rejected record a line)
 * @param quarantined total records quarantined, all stages
 * @param extra further per-run facts a caller adds (e.g. the language mix, settings, versions)
 */
public record RunReport(
    @JsonProperty("run_id") String runId,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    @JsonProperty("wall_seconds") double wallSeconds,
    int workers,
    List<InputReport> inputs,
    List<StageReport> stages,
    @JsonProperty("side_inputs") List<StageReport> sideInputs,
    String quarantine,
    long quarantined,
    Map<String, Object> extra) {

  public RunReport {
    inputs = List.copyOf(inputs);
    stages = List.copyOf(stages);
    sideInputs = List.copyOf(sideInputs);
    extra = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extra));
  }

  /**
   * Checks that the report adds up: each stage's {@code in = out + rejected}, each stage's {@code
   * in} equals the previous stage's {@code out}, each side input adds up, and the quarantine holds
   * every rejection.
   *
   * @return the broken sums, empty if the report adds up
   */
  public List<String> inconsistencies() {
    List<String> problems = new ArrayList<>();
    long rejected = 0;
    StageReport previous = null;
    for (StageReport s : stages) {
      if (!s.addsUp()) {
        problems.add(
            "stage %s: in %d != out %d + rejected %d".formatted(s.name(), s.in(), s.out(), s.rejected()));
      }
      if (previous != null && previous.out() != s.in()) {
        problems.add(
            "stage %s received %d but stage %s passed on %d"
                .formatted(s.name(), s.in(), previous.name(), previous.out()));
      }
      rejected += s.rejected();
      previous = s;
    }
    for (StageReport s : sideInputs) {
      if (!s.addsUp()) {
        problems.add(
            "side input %s: in %d != out %d + rejected %d".formatted(s.name(), s.in(), s.out(), s.rejected()));
      }
      rejected += s.rejected();
    }
    if (rejected != quarantined) {
      problems.add("stages rejected %d but the quarantine holds %d".formatted(rejected, quarantined));
    }
    long read = inputs.stream().mapToLong(InputReport::records).sum();
    if (!stages.isEmpty() && stages.get(0).in() != read) {
      problems.add("inputs yielded %d records but ingest counted %d".formatted(read, stages.get(0).in()));
    }
    return problems;
  }

  /** Returns a copy with {@code key} set in {@link #extra()}. */
  public RunReport withExtra(String key, Object value) {
    Map<String, Object> next = new java.util.TreeMap<>(extra);
    next.put(key, value);
    return new RunReport(
        runId, startedAt, finishedAt, wallSeconds, workers, inputs, stages, sideInputs, quarantine,
        quarantined, next);
  }

  /**
   * Returns a copy with the side inputs' counts and the quarantine's final size.
   *
   * @param side the side inputs (accounts, outcomes)
   * @param quarantinedTotal all records in the quarantine file, flow and side inputs together
   */
  public RunReport withSideInputs(List<StageReport> side, long quarantinedTotal) {
    return new RunReport(
        runId, startedAt, finishedAt, wallSeconds, workers, inputs, stages, side, quarantine,
        quarantinedTotal, extra);
  }
}
