package dev.verbatim.topics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.topics.Taxonomy;
import dev.verbatim.topics.TinyCorpus;
import dev.verbatim.topics.TopicId;
import dev.verbatim.topics.TopicParams;
import dev.verbatim.topics.align.RefitReport;
import dev.verbatim.topics.cluster.EmbeddingTopicModel;
import dev.verbatim.topics.cluster.EmbeddingTopicTrainer;
import dev.verbatim.topics.embed.HashingSentenceEncoder;
import dev.verbatim.topics.text.SimpleTermAnalyzer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which taxonomy edits a refit leaves without a topic, and what each is told: one of each fate. */
class OrphanedEditTest {
  private static final SimpleTermAnalyzer A = new SimpleTermAnalyzer();

  private static TopicId t(int n) {
    return TopicId.of(n);
  }

  @Test
  void eachEditWithoutItsTopicIsListedWithItsFateAndTheOthersAreNot() {
    EmbeddingTopicModel fit = new EmbeddingTopicTrainer(new HashingSentenceEncoder(A, 256), A)
        .fit(TinyCorpus.load(), TopicParams.defaults().withTopics(3).withSeed(7), List.of());
    assertEquals(List.of(t(1), t(2), t(3)), fit.topics().stream().map(x -> x.id()).sorted().toList());
    // the refit merged old t9 into t2 and old t4 into t3, and found nothing like old t8
    RefitReport report = new RefitReport(List.of(new RefitReport.Kept(t(1), 0.9), new RefitReport.Kept(t(2), 0.9),
        new RefitReport.Kept(t(3), 0.9)), List.of(), List.of(t(8)),
        List.of(new RefitReport.Merge(t(9), t(2), 0.85), new RefitReport.Merge(t(4), t(3), 0.85)), List.of());
    Taxonomy taxonomy = Taxonomy.empty()
        .withSplit(t(9), t(20)) // its topic merged into t2
        .withRename(t(8), "Old name") // its topic vanished
        .withRename(t(5), "Lost long ago") // not in the previous model either
        .withMerge(t(1), t(9)) // the target is gone: t1's records stay in t1
        .withMerge(t(4), t(3)) // the refit did this merge itself: nothing to say
        .withRename(t(3), "Still here"); // kept

    Map<TopicId, List<OrphanedEdit>> byTopic = OrphanedEdit.find(taxonomy, fit, fit, report).stream()
        .collect(Collectors.groupingBy(OrphanedEdit::topic));
    assertEquals(java.util.Set.of(t(9), t(8), t(5), t(1)), byTopic.keySet(), byTopic.toString());

    OrphanedEdit split = byTopic.get(t(9)).get(0);
    assertEquals(OrphanedEdit.Kind.SPLIT, split.kind());
    assertEquals(OrphanedEdit.Fate.MERGED, split.fate());
    assertEquals(t(2), split.into());
    assertEquals("split of t9 (part t20): t9 merged into t2 by the refit", split.describe());
    assertTrue(split.advice().startsWith("re-apply the split on t2: verbatim topics split t2"), split.advice());

    OrphanedEdit vanished = byTopic.get(t(8)).get(0);
    assertEquals(OrphanedEdit.Fate.VANISHED, vanished.fate());
    assertEquals("Old name", vanished.label());

    assertEquals(OrphanedEdit.Fate.ABSENT, byTopic.get(t(5)).get(0).fate());

    OrphanedEdit merge = byTopic.get(t(1)).get(0);
    assertEquals(OrphanedEdit.Kind.MERGE, merge.kind());
    assertEquals(t(9), merge.missing());
    assertEquals(t(2), merge.into());
    assertTrue(merge.advice().contains("verbatim topics merge t2 t1"), merge.advice());

    // the next refit no longer has t9 to match: absent, and told where an earlier refit put it
    OrphanedEdit again = OrphanedEdit.find(taxonomy, fit, fit, new RefitReport(report.kept(), List.of(), List.of(),
        List.of(), List.of())).stream().filter(o -> o.kind() == OrphanedEdit.Kind.SPLIT).findFirst().orElseThrow();
    assertEquals(OrphanedEdit.Fate.ABSENT, again.fate());
    OrphanedEdit told = again.withEarlierMerge(t(2));
    assertEquals("split of t9 (part t20): t9 is not in the model (an earlier refit merged it into t2)", told.describe());
    assertTrue(told.advice().startsWith("re-apply the split on t2"), told.advice());

    // a first fit (no report) still lists them, as absent
    assertTrue(OrphanedEdit.find(taxonomy, fit, fit, null).stream().allMatch(o -> o.fate() == OrphanedEdit.Fate.ABSENT));
  }
}
