package dev.verbatim.validation.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.Theme;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.store.TaxonomyStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyFeedbackTest {
  @TempDir Path dir;

  private static TopicCorrection fix(String id, String topic, String reviewer) {
    return new TopicCorrection(id, List.of("t1"), Map.of("t1", false), topic, reviewer);
  }

  @Test
  void correctionsSeedANewThemeWithSharedPhrasesAndExtendAnExistingOne() throws Exception {
    Map<String, String> text = Map.of(
        "a", "I asked for a refund of the double charge three weeks ago, mail [EMAIL]",
        "b", "Where is my refund? The double charge is still on my card",
        "c", "Double charge again, refund please",
        "d", "The app crashes on login",
        "e", "The app crashes when I open the statements tab",
        "f", "Lost my bag in Denver");
    Taxonomy before = new Taxonomy(List.of(new Theme("Stability", List.of("crash"), null)),
        Map.of(TopicId.of(3), "Card delivery"));
    List<TopicCorrection> corrections = List.of(
        fix("a", "Refunds", "ann"), fix("b", "refunds ", "bob"), fix("c", "Refunds", "ann"),
        fix("a", "Refunds", "bob"), // same record twice counts once
        fix("d", "stability", "ann"), fix("e", "Stability", "ann"),
        fix("f", "Baggage", "ann"), // one record: not enough
        new TopicCorrection("d", List.of("t1"), Map.of("t1", true), null, "ann")); // a verdict, no correction

    TaxonomyFeedback.Update u = TaxonomyFeedback.apply(before, corrections, text, 2);

    Map<String, Theme> themes = new java.util.HashMap<>();
    u.taxonomy().themes().forEach(t -> themes.put(t.name(), t));
    assertEquals(Set.of("Stability", "Refunds"), themes.keySet(), u.changes().toString());
    // "double charge" and "refund" are in all three refund records; placeholders and stop words never seed
    assertEquals(List.of("double charge", "refund"), themes.get("Refunds").seeds());
    assertEquals(List.of("crash", "app crashes"), themes.get("Stability").seeds(), "existing seeds kept first");
    assertEquals("Card delivery", u.taxonomy().renames().get(TopicId.of(3)), "renames untouched");
    assertTrue(u.changes().stream().anyMatch(c -> c.contains("skipped 'Baggage'")), u.changes().toString());

    // what the topic model reads back
    TaxonomyStore store = new TaxonomyStore(dir);
    store.save(u.taxonomy());
    assertEquals(u.taxonomy(), store.load());

    // applying the same corrections again adds nothing new
    TaxonomyFeedback.Update again = TaxonomyFeedback.apply(u.taxonomy(), corrections, text, 2);
    assertTrue(again.changes().stream().noneMatch(c -> c.contains("gains") || c.contains("new theme")), again.changes().toString());
    assertEquals(u.taxonomy().themes(), again.taxonomy().themes());

    assertThrows(IllegalArgumentException.class, () -> TaxonomyFeedback.apply(before, corrections, text, 0));
  }
}
