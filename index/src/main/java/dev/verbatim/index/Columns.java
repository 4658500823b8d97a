package dev.verbatim.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;

/**
 * One segment's facet ordinals, event days and negative flags decoded from doc values into plain
 * arrays, so that counting a million matches is array reads rather than doc-values lookups.
 *
 * <p>Design decision: built once per segment on the first search that counts, and kept for the life
 * of the {@link FeedbackSearch} (whose reader never changes). Costs about 30 bytes per document
 * (30 MB for a million); a single pass over the doc values to build, about what one counting
 * search costs without it. Immutable once built, so shared by concurrent searches.
 */
final class Columns {
  /** {@link #day} of a document without an event time. */
  static final int NO_DAY = Integer.MIN_VALUE;

  /** Per facet (in {@link IndexSchema#FACETS} order): ordinal per doc, -1 if none; null if multi. */
  final @Nullable int[][] single;
  /** Per multi-valued facet: where a doc's ordinals start in {@link #multiOrds}; null if single. */
  final @Nullable int[][] multiStart;
  /** Per multi-valued facet: the ordinals of all docs, in doc order. */
  final @Nullable int[][] multiOrds;
  /** Epoch day (UTC) of the event per doc, {@link #NO_DAY} if none. */
  final int[] day;
  /** Docs whose document sentiment is negative. */
  final FixedBitSet negative;

  private Columns(
      @Nullable int[][] single, @Nullable int[][] multiStart, @Nullable int[][] multiOrds, int[] day,
      FixedBitSet negative) {
    this.single = single;
    this.multiStart = multiStart;
    this.multiOrds = multiOrds;
    this.day = day;
    this.negative = negative;
  }

  static Columns build(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    List<String> facets = IndexSchema.FACETS;
    int[][] single = new int[facets.size()][];
    int[][] multiStart = new int[facets.size()][];
    int[][] multiOrds = new int[facets.size()][];
    for (int i = 0; i < facets.size(); i++) {
      SortedSetDocValues multi = DocValues.getSortedSet(reader, facets.get(i));
      SortedDocValues one = DocValues.unwrapSingleton(multi);
      if (one != null) {
        int[] ords = new int[maxDoc];
        java.util.Arrays.fill(ords, -1);
        for (int doc = one.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = one.nextDoc()) {
          ords[doc] = one.ordValue();
        }
        single[i] = ords;
      } else {
        int[] start = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 2)];
        int n = 0;
        int next = 0;
        for (int doc = multi.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = multi.nextDoc()) {
          while (next <= doc) start[next++] = n;
          for (int j = 0, c = multi.docValueCount(); j < c; j++) {
            if (n == ords.length) ords = java.util.Arrays.copyOf(ords, ords.length * 2);
            ords[n++] = (int) multi.nextOrd();
          }
        }
        while (next <= maxDoc) start[next++] = n;
        multiStart[i] = start;
        multiOrds[i] = java.util.Arrays.copyOf(ords, n);
      }
    }

    int[] day = new int[maxDoc];
    java.util.Arrays.fill(day, NO_DAY);
    NumericDocValues time = DocValues.getNumeric(reader, IndexSchema.EVENT_TIME);
    for (int doc = time.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = time.nextDoc()) {
      long d = Math.floorDiv(time.longValue(), 86_400_000L);
      day[doc] = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, d));
    }

    FixedBitSet negative = new FixedBitSet(Math.max(1, maxDoc));
    SortedSetDocValues sentiment = DocValues.getSortedSet(reader, IndexSchema.SENTIMENT);
    long negativeOrd = sentiment.lookupTerm(new BytesRef("negative"));
    if (negativeOrd >= 0) {
      for (int doc = sentiment.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = sentiment.nextDoc()) {
        for (int j = 0, c = sentiment.docValueCount(); j < c; j++) {
          if (sentiment.nextOrd() == negativeOrd) negative.set(doc);
        }
      }
    }
    return new Columns(single, multiStart, multiOrds, day, negative);
  }
}
