package dev.verbatim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.index.FeedbackSearch;
import dev.verbatim.index.SearchRequest;
import dev.verbatim.pipeline.run.ProgressListener;
import dev.verbatim.pipeline.run.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports often list the newest record first, so a customer's resubmitted complaint reaches the
 * pipeline before the complaint it repeats. The resubmission is still the near-duplicate (trends
 * count the complaint once), whatever the order and however the two workers interleave.
 */
class DuplicatesRunTest {
  @TempDir Path dir;

  private static final String[] COMPLAINTS = {
    "Bank sync has failed every morning this week and support keeps closing my ticket without a fix",
    "I was charged twice for the annual plan and the refund form just errors out when I submit it",
    "The CSV export drops every row that has a comma in the note field and the totals come out wrong",
  };

  @Test
  void aResubmissionListedBeforeItsOriginalIsStillTheDuplicate() throws Exception {
    List<String> oldestFirst = new ArrayList<>();
    for (int c = 0; c < COMPLAINTS.length; c++) {
      oldestFirst.add(line("c" + c + "-first", "2026-03-0" + (c + 1) + "T09:00:00Z", "cust-" + c, COMPLAINTS[c]));
      oldestFirst.add(line("c" + c + "-again", "2026-03-1" + (c + 1) + "T09:00:00Z", "cust-" + c,
          COMPLAINTS[c] + ". Still broken."));
    }
    for (int i = 0; i < 40; i++) { // unrelated records between them, so the workers interleave
      oldestFirst.add(line("other-" + i, "2026-03-05T10:00:00Z", "other-" + i,
          "Feature request number " + i + ": please add a dark mode and a weekly summary e-mail"));
    }
    List<String> newestFirst = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(newestFirst);

    Set<String> expected = Set.of("test/c0-again", "test/c1-again", "test/c2-again");
    assertEquals(expected, duplicates(run("oldest", oldestFirst)));
    assertEquals(expected, duplicates(run("newest", newestFirst)));
  }

  private Workspace run(String name, List<String> lines) throws Exception {
    Path input = dir.resolve(name + ".jsonl");
    Files.write(input, lines);
    Workspace ws = new Workspace(dir.resolve(name));
    RunReport report = PipelineRun.execute(ws,
        new PipelineRun.Options(List.of(input), null, null, null, null, 2, 1_000, false)
            .withTopics(PipelineRun.TopicOptions.off()),
        ProgressListener.NONE);
    assertEquals(3L, ((Number) report.extra().get("duplicates_linked")).longValue(), name);
    return ws;
  }

  private static Set<String> duplicates(Workspace ws) throws Exception {
    Set<String> out = new TreeSet<>();
    try (FeedbackSearch s = FeedbackSearch.open(ws.index())) {
      s.scan(SearchRequest.of("", 100), true, f -> {
        if (f.duplicate()) out.add(f.key());
      });
    }
    return out;
  }

  private static String line(String id, String time, String customer, String text) {
    return "{\"id\":\"" + id + "\",\"source\":\"test\",\"channel\":\"ticket\",\"event_time\":\"" + time
        + "\",\"customer_id\":\"" + customer + "\",\"text\":\"" + text + "\"}";
  }
}
