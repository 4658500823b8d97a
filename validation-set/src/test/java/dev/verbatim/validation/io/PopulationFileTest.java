package dev.verbatim.validation.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationFileTest {
  @Test
  void readsGoodLinesAndReportsBadOnes() throws Exception {
    List<String> problems = new ArrayList<>();
    List<PopulationRecord> rs = PopulationFile.read(
        Path.of(getClass().getResource("/fixtures/population.jsonl").toURI()), problems);
    assertEquals(List.of("t1", "t2", "t3"), rs.stream().map(PopulationRecord::id).toList());
    assertEquals(List.of("billing"), rs.get(0).topicIds());
    assertEquals(List.of("app"), rs.get(1).topicIds());
    assertEquals(SentimentLabel.NEGATIVE, rs.get(0).secondOpinion());
    assertEquals("unknown", rs.get(2).channel());
    assertEquals(4, problems.size(), problems.toString());
    assertEquals("line 4: duplicate id 't1', first kept", problems.get(0));
  }
}
