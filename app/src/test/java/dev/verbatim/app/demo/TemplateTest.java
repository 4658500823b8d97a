package dev.verbatim.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Template.SlotFiller SLOTS = (slot, rnd, out) -> out.append('<').append(slot).append('>');

  @Test
  void expandsAlternativesOptionalsAndSlots() {
    Set<String> seen = new HashSet<>();
    Template t = Template.parse("{I|We} got {charged|billed} twice[ again] for $month.");
    var rnd = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) seen.add(t.expand(rnd, SLOTS));
    assertEquals(8, seen.size(), seen.toString());
    assertTrue(seen.contains("We got billed twice again for <month>."));
    assertTrue(seen.contains("I got charged twice for <month>."));
  }

  @Test
  void nestedAndEmptyAlternatives() {
    Template t = Template.parse("a{b{c|d}|}e");
    Set<String> seen = new HashSet<>();
    var rnd = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) seen.add(t.expand(rnd, SLOTS));
    assertEquals(Set.of("abce", "abde", "ae"), seen);
  }

  @Test
  void rejectsUnbalancedTemplates() {
    assertThrows(IllegalArgumentException.class, () -> Template.parse("{a|b"));
    assertThrows(IllegalArgumentException.class, () -> Template.parse("a]"));
  }

  @Test
  void phraseBankHasManyThemesWithManyVariants() {
    Themes themes = Themes.get();
    assertTrue(themes.all().size() >= 12);
    for (Theme t : themes.all()) {
      int templates = t.pools().values().stream().mapToInt(java.util.List::size).sum();
      assertTrue(templates >= 5, t.id() + " has " + templates);
      assertTrue(!t.subjects().isEmpty() && !t.agentReplies().isEmpty(), t.id());
      // Every template of the theme expands with the real slot filler.
      var rnd = new SplittableRandom(3);
      var filler = Slots.filler(new Slots.Context("Dana", "Sam", "Acme"));
      t.pools().values().forEach(p -> p.forEach(x -> assertTrue(!x.expand(rnd, filler).isBlank())));
    }
  }

  @Test
  void piiGeneratorsProduceValidNumbers() {
    var rnd = new SplittableRandom(4);
    for (int i = 0; i < 500; i++) {
      assertTrue(Pii.luhnValid(Pii.card(rnd)));
      assertTrue(Pii.ibanValid(Pii.iban(rnd)));
    }
    assertTrue(Pii.ibanValid("DE89 3704 0044 0532 0130 00"));
    assertTrue(Pii.luhnValid("4111 1111 1111 1111"));
  }
}
