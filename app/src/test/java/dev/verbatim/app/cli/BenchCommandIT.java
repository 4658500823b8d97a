package dev.verbatim.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bench --scorer}: the annotate phase reports its figures (the packaged CLI, child JVM). */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class BenchCommandIT {

  @Test
  void benchReportsAnnotateThroughputAndHeapPerScorer() throws Exception {
    VerbatimCliIT.Result r =
        VerbatimCliIT.cli("bench", "--records", "3000", "--ingest-only", "--scorer", "fast", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode figures = new ObjectMapper().readTree(r.out());
    JsonNode annotate = figures.get("annotate");
    assertEquals(1, annotate.size(), r.out());
    JsonNode fast = annotate.get(0);
    assertEquals("fast", fast.get("scorer").asText());
    assertTrue(fast.get("annotate_records_per_second").asLong() > 0, fast::toString);
    assertTrue(fast.get("peak_heap_mib").asLong() > 0, fast::toString);
    JsonNode last = fast.get("stages").get(fast.get("stages").size() - 1);
    assertEquals("annotate", last.get("name").asText());
    assertEquals(3000, last.get("records").asLong());
  }

  @Test
  void benchRejectsAnUnknownScorer() throws Exception {
    VerbatimCliIT.Result r = VerbatimCliIT.cli("bench", "--records", "10", "--scorer", "bogus");
    assertTrue(r.exit() != 0, r.out());
    assertTrue(r.err().contains("bogus"), r.err());
  }
}
