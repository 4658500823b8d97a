package dev.verbatim.app.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.validation.PopulationRecord;
import dev.verbatim.validation.SentimentLabel;
import dev.verbatim.validation.Turn;
import dev.verbatim.validation.sample.Sample;
import dev.verbatim.validation.sample.SamplePlan;
import dev.verbatim.validation.sample.Sampler;
import dev.verbatim.validation.sample.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondOpinionsTest {
  @TempDir Path dir;

  private static List<PopulationRecord> population(int n) {
    List<PopulationRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PopulationRecord.of("s/r" + i, "text " + i, "review", SentimentLabel.NEUTRAL, 0.6));
    }
    return out;
  }

  /** A second scorer that says negative for even-numbered records. */
  private static final ValidateCommand.SecondOpinion EVEN = new ValidateCommand.SecondOpinion() {
    @Override
    public String name() {
      return "even";
    }

    @Override
    public int defaultPool() {
      return 10;
    }

    @Override
    public SentimentLabel label(PopulationRecord r) {
      return Integer.parseInt(r.id().substring(3)) % 2 == 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
  };

  @Test
  void onlyASeededPoolGetsSecondOpinionsAndDisagreementsAreSampledFromIt() {
    List<PopulationRecord> pop = population(100);
    List<PopulationRecord> a = SampleCommand.withSecondOpinions(pop, EVEN, 10, 7);
    List<PopulationRecord> b = SampleCommand.withSecondOpinions(pop, EVEN, 10, 7);
    assertEquals(a, b, "the pool is reproducible by seed");
    assertEquals(10, a.stream().filter(r -> r.secondOpinion() != null).count());
    assertEquals(100, a.size(), "the population keeps its size and order");
    for (int i = 0; i < 100; i++) assertEquals(pop.get(i).id(), a.get(i).id());
    Sample s = new Sampler().draw(a, SamplePlan.of(Strategy.DISAGREEMENT, 50, 1));
    assertTrue(s.items().size() >= 1 && s.items().size() <= 10, s.items().size() + " items");
    s.items().forEach(it -> assertEquals(SentimentLabel.NEGATIVE, it.record().secondOpinion()));
    assertEquals(100, SampleCommand.withSecondOpinions(pop, EVEN, 100, 7).stream()
        .filter(r -> r.secondOpinion() != null).count(), "a pool as large as the population reads everything");
  }

  @Test
  void turnsAreAttachedToTheSampledItemsOnly() {
    List<PopulationRecord> pop = population(20);
    Sample s = new Sampler().draw(pop, SamplePlan.of(Strategy.UNCERTAINTY, 5, 1));
    String first = s.items().get(0).record().id();
    List<Turn> chat = List.of(new Turn("customer", "hi"), new Turn("agent", "hello"));
    Sample with = SampleCommand.withTurns(s, Map.of(first, chat, "s/not-sampled", chat));
    assertEquals(chat, with.items().get(0).record().turns());
    assertEquals(5, with.items().size());
    assertTrue(with.items().subList(1, 5).stream().allMatch(i -> i.record().turns().isEmpty()));
    assertEquals(s.strata(), with.strata());
  }

  @Test
  void learnedNeedsATrainedModelAndUnknownKindsSayWhatToUse() {
    var e = assertThrows(IllegalArgumentException.class, () -> SecondOpinions.standard(dir, "learned"));
    assertTrue(e.getMessage().contains("validate learn"), e.getMessage());
    var u = assertThrows(IllegalArgumentException.class, () -> SecondOpinions.standard(dir, "vader"));
    assertTrue(u.getMessage().contains("auto, learned or corenlp"), u.getMessage());
  }

  @Test
  void storedTurnsParseAndBadJsonGivesNoContext() {
    assertEquals(List.of(new Turn("customer", "a"), new Turn("agent", "b")),
        IndexPopulation.parseTurns("[{\"speaker\":\"customer\",\"text\":\"a\"},{\"speaker\":\"agent\",\"text\":\"b\",\"time\":\"x\"}]"));
    assertTrue(IndexPopulation.parseTurns("{not json").isEmpty());
    assertTrue(IndexPopulation.parseTurns(null).isEmpty());
  }
}
